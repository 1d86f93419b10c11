namespace TigerEmulator.Lifecycle;

/// One row of the transition table: the operation that starts the action, the statuses it may start from (null: any
/// but the kind's deleting ones), the statuses it passes through, where it ends (null: the resource is gone), and the
/// status the resource it starts from must have (a fork's parent, a replica set's service).
public sealed record LifecycleAction(
    string Kind,
    string Name,
    string? StartedBy,
    IReadOnlySet<string>? AllowedFrom,
    IReadOnlyList<LifecycleStep> Steps,
    LifecycleStep? Final,
    string? SourceMustBe = null)
{
    /// False for the one action faults must not hit: the way out of a fault.
    public bool Faultable { get; init; } = true;

    public string? FinalStatus => Final?.Status;

    public bool IsAllowedFrom(string status) => AllowedFrom is null || AllowedFrom.Contains(status);

    public string Describe() => $"{Kind} {Name}: {string.Join(" → ", Steps.Select(s => s.Status))} → {FinalStatus ?? "gone"}";

    /// The effect of entering a status of this row, whether a step or the final one.
    public ServerEffect EffectOf(string status) =>
        Steps.FirstOrDefault(s => s.Status == status)?.Effect ?? (Final?.Status == status ? Final.Effect : ServerEffect.None);
}
