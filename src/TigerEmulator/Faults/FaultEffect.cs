using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Faults;

/// What a fault does. Request effects act on one HTTP exchange; lifecycle effects act on a resource's next due step.
public abstract record FaultEffect(string Name)
{
    public virtual bool IsLifecycle => false;

    /// For effects on database connections (see <see cref="ConnectionEffect"/>), which requests and steps never meet.
    public virtual bool IsConnection => false;

    /// For lifecycle effects: whether the effect can happen to a resource of this kind (service, replicaSet, peering).
    public virtual bool AppliesTo(string kind) => false;
}

/// An HTTP error instead of the handler's answer. Code defaults to the usual one for the status.
public sealed record ErrorEffect(int Status, string? Code, string? Message, int? RetryAfterSeconds) : FaultEffect("error");

/// The request waits, then proceeds. Several latency rules add up.
public sealed record LatencyEffect(LatencyDistribution Distribution) : FaultEffect("latency");

/// The connection closes before any response: the handler never runs.
public sealed record DropEffect() : FaultEffect("drop");

/// The handler runs (its change happens), then the response declares its full length and the connection closes halfway.
public sealed record TruncateEffect() : FaultEffect("truncate");

/// Nothing is answered for a bounded time, then the connection closes; a client's own timeout should fire first.
public sealed record HangEffect(TimeSpan Bound) : FaultEffect("hang");

/// The request carries on, and the service it names (the rule's resource) fails over: its primary is killed and an HA
/// replica promoted (see ServiceFailover). Not terminal: the request is answered as it would be, already UNSTABLE.
public sealed record FailoverEffect() : FaultEffect("failover");

/// The due step is held until the clock is advanced (POST /_emulator/clock/advance).
public sealed record StallEffect() : FaultEffect("stall")
{
    public override bool IsLifecycle => true;

    public override bool AppliesTo(string kind) => true;
}

/// The service falls to UNSTABLE instead of taking its step, then (by default) recovers to READY.
public sealed record UnstableEffect(bool Recover) : FaultEffect("unstable")
{
    public override bool IsLifecycle => true;

    public override bool AppliesTo(string kind) => kind == ServiceLifecycle.Kind;
}

/// The read replica set lands in status error and stays there.
public sealed record ReplicaErrorEffect() : FaultEffect("replica_error")
{
    public override bool IsLifecycle => true;

    public override bool AppliesTo(string kind) => kind == ReplicaSetLifecycle.Kind;
}

/// The peering ends in status failed with this error_message.
public sealed record PeeringFailureEffect(string Message) : FaultEffect("peering_failure")
{
    public const string FailedStatus = PeeringStatus.Failed;

    public override bool IsLifecycle => true;

    public override bool AppliesTo(string kind) => kind == VpcKinds.Peering;
}
