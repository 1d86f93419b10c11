namespace TigerEmulator.Lifecycle;

/// One row of the transition table: which statuses allow the action, the statuses it passes through,
/// and where it ends (null: the resource is gone).
public sealed record LifecycleAction(
    string Kind,
    string Name,
    IReadOnlySet<string>? AllowedFrom,
    IReadOnlyList<string> Steps,
    string? FinalStatus)
{
    public bool IsAllowedFrom(string status) => AllowedFrom is null || AllowedFrom.Contains(status);

    public string Describe() => $"{Kind} {Name}: {string.Join(" → ", Steps)} → {FinalStatus ?? "gone"}";
}
