using TigerEmulator.Lifecycle;

namespace TigerEmulator.Services;

public sealed class ServiceFeature : IProjectFeature
{
    public void AddTo(IServiceCollection services)
    {
        services.AddResourceKind(ServiceLifecycle.Shape);
        services.AddSingleton<ServiceCatalog>();
    }

    public void MapTo(IEndpointRouteBuilder project) => project.MapServices();
}
