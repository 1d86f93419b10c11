namespace TigerEmulator.Lifecycle;

/// The fields every resource with a lifecycle stores: where it is in the transition table and how it got there.
public abstract class LifecycleDocument : ILifecycleDocument
{
    public string Id { get; set; } = "";

    public string Status { get; set; } = "";

    public string? Action { get; set; }

    public int Step { get; set; }

    public DateTime? NextStepAt { get; set; }

    public List<StatusChange> History { get; set; } = [];
}
