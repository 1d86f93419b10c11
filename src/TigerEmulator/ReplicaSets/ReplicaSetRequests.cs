using TigerEmulator.Reading;

namespace TigerEmulator.ReplicaSets;

/// The request body of createReplicaSet, checked field by field.
public static class ReplicaSetRequests
{
    public sealed record Create(string Name, int Nodes, int CpuMillis, int MemoryGbs);

    public static Create ParseCreate(MapReader body)
    {
        var name = ReplicaSetRules.Name(body);
        var nodes = ReplicaSetRules.Nodes(body) ?? throw body.Error("nodes", "is required");
        var (cpu, memory) = ReplicaSetRules.Size(body, body.RequiredInt("cpu_millis"), body.RequiredInt("memory_gbs"));
        return new Create(name, nodes, cpu, memory);
    }
}
