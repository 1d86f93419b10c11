namespace TigerEmulator.Faults;

/// A rule as the control API shows it: the same flat fields a rule is written with, plus its counts.
public sealed record FaultRuleBody(
    string Id,
    string Effect,
    string? Operation,
    string? Method,
    string? Path,
    string? Project,
    string? Resource,
    int? Node,
    double Probability,
    int? Times,
    int After,
    int? Status,
    string? Sqlstate,
    string? Code,
    string? Message,
    int? RetryAfter,
    string? Distribution,
    double? Ms,
    double? MinMs,
    double? MaxMs,
    double? MedianMs,
    double? Sigma,
    bool? Recover,
    int Matched,
    int Fired)
{
    public static FaultRuleBody From(FaultRuleState state)
    {
        var (rule, match) = (state.Rule, state.Rule.Match);
        var error = rule.Effect as ErrorEffect;
        var latency = (rule.Effect as LatencyEffect)?.Distribution ?? (rule.Effect as ConnectionLatencyEffect)?.Distribution;
        var refuse = rule.Effect as RefuseConnectionsEffect;
        return new(
            rule.Id!, rule.Effect.Name, match.Operation, match.Method, match.Path, match.Project, match.Resource, match.Node,
            rule.Probability, rule.Times, rule.After,
            error?.Status, refuse?.SqlState, error?.Code, error?.Message ?? refuse?.Message ?? (rule.Effect as PeeringFailureEffect)?.Message, error?.RetryAfterSeconds,
            latency?.Name,
            (latency as FixedLatency)?.Ms ?? ((rule.Effect as HangEffect)?.Bound ?? (rule.Effect as UnreachableEffect)?.Bound)?.TotalMilliseconds,
            (latency as UniformLatency)?.MinMs,
            (latency as UniformLatency)?.MaxMs ?? (latency as LognormalLatency)?.MaxMs,
            (latency as LognormalLatency)?.MedianMs,
            (latency as LognormalLatency)?.Sigma,
            (rule.Effect as UnstableEffect)?.Recover,
            state.Matched,
            state.Fired);
    }
}
