using TigerEmulator.Services;

namespace TigerEmulator.ReplicaSets;

/// The contract's <c>ReadReplicaSet</c> schema.
public sealed record ReplicaSetBody(
    string Id,
    string Name,
    string Status,
    int Nodes,
    int CpuMillis,
    int MemoryGbs,
    MetadataBody Metadata,
    EndpointBody Endpoint,
    ConnectionPoolerBody? ConnectionPooler)
{
    public static ReplicaSetBody From(ReplicaSetDocument set)
    {
        var endpoint = new EndpointBody(set.Host, set.Port);
        return new(
            set.Id,
            set.Name,
            set.Status,
            set.Nodes,
            set.CpuMillis,
            set.MemoryGbs,
            new MetadataBody(set.Environment),
            endpoint,
            set.PoolerEnabled ? new ConnectionPoolerBody(endpoint with { Port = ReplicaSetEndpoints.PoolerPort(set) }) : null);
    }
}
