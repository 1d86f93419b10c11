namespace TigerEmulator.Faults;

/// Effects on connections to a service's database endpoint (the database front), matched by project, resource (the
/// service id) and node; they never touch an HTTP request or a lifecycle step.
public abstract record ConnectionEffect(string Name) : FaultEffect(Name)
{
    public override bool IsConnection => true;
}

/// A new connection is refused, after its start-up message, with a FATAL of this SQLSTATE and message.
public sealed record RefuseConnectionsEffect(string SqlState, string Message) : ConnectionEffect("refuse_connections")
{
    /// PostgreSQL's own answer when its connection slots are full.
    public const string DefaultSqlState = "53300";
    public const string DefaultMessage = "sorry, too many clients already";
}

/// Connections open when the rule is added are ended as an administrator's pg_terminate_backend ends them (FATAL 57P01).
public sealed record EndConnectionsEffect() : ConnectionEffect("end_connections");

/// A new connection's start waits this long (on the wall clock) before the front answers its start-up.
public sealed record ConnectionLatencyEffect(LatencyDistribution Distribution) : ConnectionEffect("connection_latency");

/// A new connection is accepted and never answered; after this long (wall clock) the front resets it.
public sealed record UnreachableEffect(TimeSpan Bound) : ConnectionEffect("unreachable");
