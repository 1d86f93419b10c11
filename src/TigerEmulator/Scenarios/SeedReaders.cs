using System.Text.RegularExpressions;
using TigerEmulator.Auth;
using TigerEmulator.Reading;
using TigerEmulator.Services;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Scenarios;

/// Reads the declared projects, API keys, VPCs and peerings of a scenario.
internal static partial class SeedReaders
{
    public static SeedProject Project(MapReader map, ReferenceBook book)
    {
        var id = Id(map, "id") ?? throw map.Error("id", "is required");
        var project = new SeedProject(id, map.OptionalString("name", 128) ?? id, map.OptionalString("plan_type", 32) ?? "FREE");
        map.RejectUnknown();
        book.Declare("project", id, map.PlaceOf("id"), project);
        return project;
    }

    public static SeedApiKey ApiKey(MapReader map, ReferenceBook book, EmulatorOptions options)
    {
        var publicKey = map.RequiredString("public_key", 128);
        if (publicKey == options.PublicKey)
        {
            throw map.Error("public_key", $"is the emulator's default key '{publicKey}', which always exists; choose another");
        }

        var key = new SeedApiKey(publicKey, map.RequiredString("secret_key", 128), ProjectOf(map, book, options), map.OptionalString("name", 128) ?? "scenario-key");
        map.RejectUnknown();
        book.Declare("API key", publicKey, map.PlaceOf("public_key"), key);
        return key;
    }

    public static SeedUser User(MapReader map, ReferenceBook book)
    {
        var id = AuthRules.Id(map, "id");
        var name = map.OptionalString("name", AuthRules.MaxNameLength) ?? $"User {id}";
        var email = AuthRules.Email(map) ?? $"user-{id}@example.com";
        var projects = map.List("projects");
        if (projects.Count == 0)
        {
            throw map.Error("projects", "must name at least one project the user belongs to");
        }

        var ids = projects.Select(item => AuthRules.Id(map, item)).ToList();
        var user = new SeedUser(id, name, email, ids.Distinct().ToList());
        map.RejectUnknown();
        foreach (var (project, item) in ids.Zip(projects))
        {
            book.Refer<SeedProject>("project", project, item.Place);
        }

        book.Declare("user", user.Id, map.PlaceOf("id"), user);
        return user;
    }

    /// The token's value is never repeated: not in a type error, nor when it repeats another token's.
    public static SeedToken Token(MapReader map, ReferenceBook book)
    {
        var token = new SeedToken(AuthRules.TokenHash(map, "token"), AuthRules.Id(map, "user"), AuthRules.Lifetime(map));
        map.RejectUnknown();
        book.Refer<SeedUser>("user", token.User, map.PlaceOf("user"));
        book.DeclareSecret("token", token.Hash, map.PlaceOf("token"), token);
        return token;
    }

    public static SeedVpc Vpc(MapReader map, ReferenceBook book, EmulatorOptions options)
    {
        var id = Id(map, "id");
        var cidr = map.RequiredString("cidr", 32);
        if (Cidr.Problem(cidr) is { } problem)
        {
            throw map.Error("cidr", problem.Replace("'cidr' ", "", StringComparison.Ordinal));
        }

        var vpc = new SeedVpc(id, ProjectOf(map, book, options), map.RequiredString("name", ServiceRequests.MaxNameLength), cidr,
            map.OptionalEnum("region_code", Regions.All) ?? throw map.Error("region_code", "is required"));
        map.RejectUnknown();
        if (id is not null)
        {
            book.Declare("VPC", id, map.PlaceOf("id"), vpc);
        }

        return vpc;
    }

    public static SeedPeering Peering(MapReader map, ReferenceBook book)
    {
        var id = Id(map, "id");
        var vpc = map.RequiredString("vpc", 64);
        var status = map.OptionalEnum("status", PeeringStatus.All) ?? PeeringStatus.Active;
        var message = map.OptionalString("error_message", 1000);
        var peering = new SeedPeering(id, vpc, map.RequiredString("peer_account_id", 128), map.RequiredString("peer_region_code", 64),
            map.RequiredString("peer_vpc_id", 128), status, message ?? (status == PeeringStatus.Failed ? "The peer VPC was not found" : null),
            map.OptionalString("provisioned_id", 128));
        map.RejectUnknown();
        book.Refer<SeedVpc>("VPC", vpc, map.PlaceOf("vpc"));
        if (id is not null)
        {
            book.Declare("peering", id, map.PlaceOf("id"), peering);
        }

        return peering;
    }

    public static string? Id(MapReader map, string field)
    {
        var id = map.OptionalString(field, 64);
        return id is null || IdPattern().IsMatch(id) ? id : throw map.Error(field, $"may hold only letters, digits, '-' and '_', not '{id}'");
    }

    public static string ProjectOf(MapReader map, ReferenceBook book, EmulatorOptions options)
    {
        var project = map.OptionalString("project", 64) ?? options.ProjectId;
        book.Refer<SeedProject>("project", project, map.PlaceOf("project"));
        return project;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdPattern();
}
