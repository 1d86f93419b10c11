namespace TigerEmulator.Faults;

/// What the engine decided for one request: a total delay from the latency rules that fired, and at most one
/// terminal effect (the first one that fired, in rule order). Fired lists the ids of every rule that fired.
public sealed record FaultDecision(TimeSpan Delay, FaultEffect? Terminal, string? TerminalRule, IReadOnlyList<string> Fired)
{
    /// The services whose failover a rule that fired asks for, whatever else happens to the request.
    public IReadOnlyList<string> FailOver { get; init; } = [];

    public static readonly FaultDecision None = new(TimeSpan.Zero, null, null, []);
}
