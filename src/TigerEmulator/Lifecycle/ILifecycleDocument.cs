using TigerEmulator.Storage;

namespace TigerEmulator.Lifecycle;

/// A resource that moves through statuses over time: what it is doing, which step, and when the next one is due.
public interface ILifecycleDocument : IDocument
{
    string Status { get; set; }

    string? Action { get; set; }

    int Step { get; set; }

    DateTime? NextStepAt { get; set; }

    /// Every status the resource has had, oldest first; logs and tests read what happened from it.
    List<StatusChange> History { get; set; }
}
