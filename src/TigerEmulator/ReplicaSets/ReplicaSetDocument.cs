using TigerEmulator.Lifecycle;
using TigerEmulator.Storage;

namespace TigerEmulator.ReplicaSets;

/// A read replica set of one service, as stored.
public sealed class ReplicaSetDocument : LifecycleDocument, IOwnedDocument
{
    public string ServiceId { get; set; } = "";

    // Explicit, so that it is not a public property: LiteDB stores those, and this one only repeats ServiceId.
    string IOwnedDocument.OwnerId => ServiceId;

    public string ProjectId { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTime Created { get; set; }

    public int Nodes { get; set; }

    public int CpuMillis { get; set; }

    public int MemoryGbs { get; set; }

    public string Environment { get; set; } = "DEV";

    public string Host { get; set; } = "";

    public int Port { get; set; }

    public bool PoolerEnabled { get; set; }
}
