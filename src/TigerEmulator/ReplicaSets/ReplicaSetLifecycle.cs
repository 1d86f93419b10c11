using TigerEmulator.Lifecycle;
using TigerEmulator.Services;
using static TigerEmulator.ReplicaSets.ReplicaSetStatus;

namespace TigerEmulator.ReplicaSets;

/// A read replica set's rows of the transition table. It belongs to its service: deleting the service deletes it.
public static class ReplicaSetLifecycle
{
    public const string Kind = "replicaSet";

    public static readonly LifecycleAction Create = new(Kind, "create", "createReplicaSet", null,
        [new(Creating, TimeSpan.FromMinutes(4))], LifecycleStep.Final(Active), SourceMustBe: ServiceStatus.Ready);

    public static readonly LifecycleAction Resize = new(Kind, "resize", "resizeReplicaSet", new HashSet<string> { Active },
        [new(Resizing, TimeSpan.FromMinutes(2))], LifecycleStep.Final(Active));

    public static readonly LifecycleAction Delete = new(Kind, "delete", "deleteReplicaSet", null,
        [new(Deleting, TimeSpan.FromMinutes(1))], null);

    public static readonly KindShape<ReplicaSetDocument> Shape = new(Kind, set => set.ProjectId)
    {
        Actions = [Create, Resize, Delete],
        FailedStatus = Error,
        Owner = new(ServiceLifecycle.Kind, set => set.ServiceId),

        // A rule may name the set or its service.
        FaultTargets = set => [set.Id, set.ServiceId],
    };
}
