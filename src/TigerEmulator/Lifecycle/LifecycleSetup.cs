namespace TigerEmulator.Lifecycle;

public static class LifecycleSetup
{
    /// The lifecycle engine; the kinds it moves are registered by their features, listeners and interceptors by theirs.
    public static IServiceCollection AddLifecycle(this IServiceCollection services)
    {
        services.AddSingleton<TransitionTable>();
        services.AddSingleton<LifecycleEvents>();
        services.AddSingleton<LifecycleHolds>();
        services.AddSingleton<ResourceLifecycle>();
        services.AddSingleton<LifecycleWorker>();
        services.AddSingleton<LifecycleMetrics>();
        services.AddSingleton<LifecycleSignal>();
        return services;
    }
}
