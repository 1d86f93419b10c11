using TigerEmulator.Lifecycle;

namespace TigerEmulator.Auth;

/// API keys, projects, OAuth users and their bearer tokens as kinds of resource: reset empties them, a data folder keeps
/// them, and the emulator seeds one key and one project on its own.
public static class AuthKinds
{
    public static readonly KindShape<ApiKeyDocument> Keys = new("apiKey", key => key.ProjectId) { StartsWith = 1 };

    public static readonly KindShape<ProjectDocument> Projects = new("project", project => project.Id) { StartsWith = 1 };

    // A user may belong to several projects, and so may a token: neither has one project of its own.
    public static readonly KindShape<UserDocument> Users = new("user", _ => null);

    public static readonly KindShape<AccessTokenDocument> Tokens = new("accessToken", _ => null);

    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.AddResourceKind(Keys);
        services.AddResourceKind(Projects);
        services.AddResourceKind(Users);
        services.AddResourceKind(Tokens);
        services.AddSingleton<ApiKeyRegistry>();
        services.AddSingleton<BearerTokens>();
        return services;
    }
}
