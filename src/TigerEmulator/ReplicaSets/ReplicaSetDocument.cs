using TigerEmulator.Lifecycle;
using TigerEmulator.Storage;

namespace TigerEmulator.ReplicaSets;

/// A read replica set of one service, as stored.
public sealed record ReplicaSetDocument : LifecycleDocument, IOwnedDocument
{
    public string ServiceId { get; init; } = "";

    // Explicit, so that it is not a public property: LiteDB stores those, and this one only repeats ServiceId.
    string IOwnedDocument.OwnerId => ServiceId;

    public string ProjectId { get; init; } = "";

    public string Name { get; init; } = "";

    public DateTime Created { get; init; }

    public int Nodes { get; init; }

    public int CpuMillis { get; init; }

    public int MemoryGbs { get; init; }

    public string Environment { get; init; } = "DEV";

    public string Host { get; init; } = "";

    public int Port { get; init; }

    public bool PoolerEnabled { get; init; }
}
