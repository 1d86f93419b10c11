using Microsoft.Extensions.DependencyInjection.Extensions;
using TigerEmulator.Lifecycle;

namespace TigerEmulator.Faults;

public static class FaultSetup
{
    public static IServiceCollection AddFaults(this IServiceCollection services)
    {
        services.AddSingleton<FaultEngine>();
        services.Replace(ServiceDescriptor.Singleton<ILifecycleInterceptor, LifecycleFaults>());
        return services;
    }
}
