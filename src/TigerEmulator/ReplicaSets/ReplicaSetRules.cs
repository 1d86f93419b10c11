using TigerEmulator.Reading;
using TigerEmulator.Services;

namespace TigerEmulator.ReplicaSets;

/// The rules a read replica set's fields obey, in a request body and in a scenario file alike.
public static class ReplicaSetRules
{
    public const int MaxNodes = 10;

    public static string Name(MapReader fields) => ServiceRules.Name(fields);

    public static int? Nodes(MapReader fields) => fields.OptionalInt("nodes", 1, MaxNodes);

    /// Replica sets run on dedicated compute only.
    public static (int CpuMillis, int MemoryGbs) Size(MapReader fields, int cpu, int memory) =>
        ComputeSizes.Offered(cpu, memory, allowShared: false, fields.Error);
}
