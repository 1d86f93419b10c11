using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TigerEmulator.Endpoints;

public static class EndpointSetup
{
    /// The made-up addresses, unless an allocator was registered first.
    public static IServiceCollection AddEndpoints(this IServiceCollection services)
    {
        services.TryAddSingleton<IEndpointAllocator, MadeUpEndpoints>();
        return services;
    }
}
