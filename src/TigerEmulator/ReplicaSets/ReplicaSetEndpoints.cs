namespace TigerEmulator.ReplicaSets;

/// Where a read replica set's pooler is reached: the port after the set's own, as a service's is.
public static class ReplicaSetEndpoints
{
    public static int PoolerPort(ReplicaSetDocument set) => set.Port + 1;
}
