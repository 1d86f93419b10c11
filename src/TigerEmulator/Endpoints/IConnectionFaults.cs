namespace TigerEmulator.Endpoints;

/// Faults below the API, at a database endpoint: the database front asks it what to do with each new connection, and
/// hears of rules that end the connections already open. Faults implement it; the front knows nothing of rules.
public interface IConnectionFaults
{
    /// False while no rule is in force: the front's connect path then pays nothing for faults.
    bool Any { get; }

    /// What happens to one new connection to the endpoint (counts a match for every connection rule that matches).
    ConnectionVerdict Decide(ConnectionTarget target);

    /// Raised with a rule's id when a rule that ends open connections is added.
    event Action<string>? EndRuleAdded;

    /// Whether the rule ends this open connection (counts a match).
    bool Ends(string ruleId, ConnectionTarget target);
}

/// One connection's place: the service (and its project) whose endpoint it reached, and the node (0 the primary).
public sealed record ConnectionTarget(string ServiceId, string? ProjectId, int Node);

/// What the fault rules decided for a new connection: a delay before anything else, then at most one of a refusal
/// (a FATAL with this SQLSTATE and message) or silence for a while, then a reset. Fired names the rules that fired.
public sealed record ConnectionVerdict(TimeSpan Delay, ConnectionRefusal? Refusal, TimeSpan? Silence, IReadOnlyList<string> Fired)
{
    public static readonly ConnectionVerdict None = new(TimeSpan.Zero, null, null, []);
}

public sealed record ConnectionRefusal(string SqlState, string Message);
