using TigerEmulator.Lifecycle;

namespace TigerEmulator.Vpcs;

public sealed class VpcFeature : IProjectFeature
{
    public void AddTo(IServiceCollection services)
    {
        services.AddResourceKind(VpcKinds.VpcShape);
        services.AddResourceKind(VpcKinds.PeeringShape);
    }

    public void MapTo(IEndpointRouteBuilder project) => project.MapVpcs();
}
