namespace TigerEmulator.ReplicaSets;

public static class ReplicaSetRoutes
{
    public static IEndpointRouteBuilder MapReplicaSets(this IEndpointRouteBuilder project)
    {
        var sets = project.MapGroup("/services/{service_id}/replicaSets");
        sets.MapGet("", ReplicaSetHandlers.List).WithName("getReplicaSets");
        sets.MapPost("", ReplicaSetHandlers.Create).WithName("createReplicaSet");
        sets.MapDelete("/{replica_set_id}", ReplicaSetHandlers.Delete).WithName("deleteReplicaSet");
        sets.MapPost("/{replica_set_id}/resize", ReplicaSetHandlers.Resize).WithName("resizeReplicaSet");
        sets.MapPost("/{replica_set_id}/enablePooler", ReplicaSetHandlers.EnablePooler).WithName("enableReplicaPooler");
        sets.MapPost("/{replica_set_id}/disablePooler", ReplicaSetHandlers.DisablePooler).WithName("disableReplicaPooler");
        sets.MapPost("/{replica_set_id}/setEnvironment", ReplicaSetHandlers.SetEnvironment).WithName("setReplicaEnvironment");
        return project;
    }
}
