using TigerEmulator.Storage;

namespace TigerEmulator.Lifecycle;

public static class ResourceKindSetup
{
    /// Registers a kind of resource: its store, its shape and its rows of the transition table.
    public static IServiceCollection AddResourceKind<T>(this IServiceCollection services, KindShape<T> shape)
        where T : class, IDocument
    {
        services.AddSingleton<IResourceKind>(provider => new ResourceKind<T>(shape, provider.GetRequiredService<IStore<T>>()));
        return services;
    }
}
