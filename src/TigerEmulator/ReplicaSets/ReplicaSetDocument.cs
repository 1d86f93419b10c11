using TigerEmulator.Lifecycle;

namespace TigerEmulator.ReplicaSets;

/// A read replica set of one service, as stored.
public sealed class ReplicaSetDocument : LifecycleDocument
{
    public string ServiceId { get; set; } = "";

    public string ProjectId { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTime Created { get; set; }

    public int Nodes { get; set; }

    public int CpuMillis { get; set; }

    public int MemoryGbs { get; set; }

    public string Environment { get; set; } = "DEV";

    public int Port { get; set; }

    public bool PoolerEnabled { get; set; }
}
