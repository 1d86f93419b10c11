using TigerEmulator.Lifecycle;

namespace TigerEmulator.Faults;

public static class FaultSetup
{
    public static IServiceCollection AddFaults(this IServiceCollection services)
    {
        services.AddSingleton<FaultEngine>();
        services.AddSingleton<ILifecycleInterceptor, LifecycleFaults>();
        services.AddSingleton<Endpoints.IConnectionFaults, DatabaseConnectionFaults>();
        return services;
    }
}
