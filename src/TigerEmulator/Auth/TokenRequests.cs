using TigerEmulator.Reading;

namespace TigerEmulator.Auth;

/// The body of POST /_emulator/tokens: {"user": {"id", "name"?, "email"?}, "projects": ["id" or {"id", "name"?}, ...],
/// "expires_in_seconds"?}. Unknown fields are refused by name, as in every control route that takes a document.
public static class TokenRequests
{
    public const int MaxProjects = 100;

    public static TokenGrant ParseMint(MapReader body)
    {
        var user = AuthRules.User(body.OptionalObject("user") ?? throw body.Error("user", "is required"));
        var items = body.List("projects");
        if (items.Count is 0 or > MaxProjects)
        {
            throw body.Error("projects", $"must name between 1 and {MaxProjects} projects");
        }

        var projects = items.Select(item => Project(item, body)).ToList();
        var lifetime = AuthRules.Lifetime(body);
        body.RejectUnknown();
        return new TokenGrant(user, projects, lifetime);
    }

    // A project id alone, or {"id", "name"}: the name is used only when the project does not exist yet.
    private static GrantedProject Project(DocumentNode item, MapReader body)
    {
        if (item is ScalarNode)
        {
            return new GrantedProject(AuthRules.Id(body, item), null);
        }

        if (item is not MapNode)
        {
            throw body.Error(item, $"must be a project id or {{\"id\", \"name\"}}, not {item.Describe()}");
        }

        var map = new MapReader(item, body.Source);
        var project = new GrantedProject(AuthRules.Id(map, "id"), map.OptionalString("name", AuthRules.MaxNameLength));
        map.RejectUnknown();
        return project;
    }
}
