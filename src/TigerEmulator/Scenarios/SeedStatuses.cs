using TigerEmulator.Lifecycle;

namespace TigerEmulator.Scenarios;

/// The statuses a seeded resource may have, and where a status lies on the transition table: a resource seeded
/// mid-action (CONFIGURING, say) carries on from that step as if a client had started it.
public static class SeedStatuses
{
    public static readonly IReadOnlyList<string> Service =
        ["QUEUED", "DELETING", "CONFIGURING", "READY", "DELETED", "UNSTABLE", "PAUSING", "PAUSED", "RESUMING", "UPGRADING", "OPTIMIZING"];

    public static readonly IReadOnlyList<string> ReplicaSet = ["creating", "active", "resizing", "deleting", "error"];

    public static readonly IReadOnlyList<string> Peering = ["pending", "active", "failed"];

    private static readonly Dictionary<(string Kind, string Status), (LifecycleAction Action, int Step)> InProgress = new()
    {
        [(TransitionTable.Service, "QUEUED")] = (TransitionTable.CreateService, 0),
        [(TransitionTable.Service, "CONFIGURING")] = (TransitionTable.CreateService, 1),
        [(TransitionTable.Service, "PAUSING")] = (TransitionTable.StopService, 0),
        [(TransitionTable.Service, "RESUMING")] = (TransitionTable.StartService, 0),
        [(TransitionTable.Service, "DELETING")] = (TransitionTable.DeleteService, 0),
        [(TransitionTable.Service, "UNSTABLE")] = (TransitionTable.RecoverService, 0),
        [(TransitionTable.ReplicaSet, "creating")] = (TransitionTable.CreateReplicaSet, 0),
        [(TransitionTable.ReplicaSet, "resizing")] = (TransitionTable.ResizeReplicaSet, 0),
        [(TransitionTable.ReplicaSet, "deleting")] = (TransitionTable.DeleteReplicaSet, 0),
        [(TransitionTable.Peering, "pending")] = (TransitionTable.CreatePeering, 0),
    };

    /// The action under way for a seeded status, or null for a settled one (READY, PAUSED, active, error…).
    public static (LifecycleAction Action, int Step)? ActionFor(string kind, string status) =>
        InProgress.TryGetValue((kind, status), out var found) ? found : null;
}
