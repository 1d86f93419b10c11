using TigerEmulator.Lifecycle;

namespace TigerEmulator.Auth;

/// API keys and projects as kinds of resource: reset empties them, and the emulator seeds one of each on its own.
public static class AuthKinds
{
    public static readonly KindShape<ApiKeyDocument> Keys = new("apiKey", key => key.ProjectId) { StartsWith = 1 };

    public static readonly KindShape<ProjectDocument> Projects = new("project", project => project.Id) { StartsWith = 1 };

    public static IServiceCollection AddAuth(this IServiceCollection services)
    {
        services.AddResourceKind(Keys);
        services.AddResourceKind(Projects);
        services.AddSingleton<ApiKeyRegistry>();
        return services;
    }
}
