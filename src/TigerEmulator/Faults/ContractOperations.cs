using System.Text.RegularExpressions;
using TigerEmulator.Contract;
using TigerEmulator.Lifecycle;

namespace TigerEmulator.Faults;

/// The contract's operationIds, read from openapi.yml itself so a rule can only name an operation that exists,
/// and the operations that start each lifecycle action, so lifecycle faults can be matched by the call that began them.
public static partial class ContractOperations
{
    public static readonly IReadOnlyList<string> All =
        OperationId().Matches(ContractDocument.Original()).Select(match => match.Groups[1].Value).ToList();

    private static readonly Dictionary<(string Kind, string Action), string> Starters = new()
    {
        [(TransitionTable.Service, "create")] = "createService",
        [(TransitionTable.Service, "fork")] = "forkService",
        [(TransitionTable.Service, "resize")] = "resizeService",
        [(TransitionTable.Service, "setHA")] = "setHAReplica",
        [(TransitionTable.Service, "attachToVPC")] = "attachServiceToVPC",
        [(TransitionTable.Service, "detachFromVPC")] = "detachServiceFromVPC",
        [(TransitionTable.Service, "stop")] = "stopService",
        [(TransitionTable.Service, "start")] = "startService",
        [(TransitionTable.Service, "delete")] = "deleteService",
        [(TransitionTable.ReplicaSet, "create")] = "createReplicaSet",
        [(TransitionTable.ReplicaSet, "resize")] = "resizeReplicaSet",
        [(TransitionTable.ReplicaSet, "delete")] = "deleteReplicaSet",
        [(TransitionTable.Peering, "create")] = "createVPCPeering",
    };

    /// The operation that starts the action, or null for actions no call starts (recovering from UNSTABLE).
    public static string? Starting(LifecycleAction action) => Starters.GetValueOrDefault((action.Kind, action.Name));

    /// The operations that start an action on a resource of a kind the effect applies to.
    public static IReadOnlyList<string> StartingFor(FaultEffect effect) =>
        Starters.Where(pair => effect.AppliesTo(pair.Key.Kind)).Select(pair => pair.Value).ToList();

    [GeneratedRegex(@"^\s+operationId:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex OperationId();
}
