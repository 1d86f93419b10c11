using TigerEmulator.Storage;

namespace TigerEmulator.Lifecycle;

/// The fields every resource with a lifecycle stores: where it is in the transition table and how it got there.
/// Nominal, not positional, so that LiteDB finds a parameterless constructor; <c>with</c> on it keeps a derived
/// record's own fields (the clone is virtual).
public abstract record LifecycleDocument : IDocument
{
    public string Id { get; init; } = "";

    public string Status { get; init; } = "";

    public string? Action { get; init; }

    public int Step { get; init; }

    public DateTime? NextStepAt { get; init; }

    /// Every status the resource has had, oldest first; logs and tests read what happened from it. Appended to by a
    /// new list (<c>[.. History, change]</c>), never in place.
    public IReadOnlyList<StatusChange> History { get; init; } = [];
}
