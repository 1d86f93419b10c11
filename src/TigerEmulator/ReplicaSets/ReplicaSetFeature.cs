using TigerEmulator.Lifecycle;

namespace TigerEmulator.ReplicaSets;

public sealed class ReplicaSetFeature : IProjectFeature
{
    public void AddTo(IServiceCollection services) => services.AddResourceKind(ReplicaSetLifecycle.Shape);

    public void MapTo(IEndpointRouteBuilder project) => project.MapReplicaSets();
}
