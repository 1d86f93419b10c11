namespace TigerEmulator.Lifecycle;

/// Consulted by the worker before each step, so that lifecycle faults (a stalled step, a service that falls to
/// UNSTABLE, a replica set in error, a failed peering) can change what happens. Any number may be registered: the
/// first that does not let the step proceed decides; with none, every step proceeds.
public interface ILifecycleInterceptor
{
    StepOutcome BeforeStep(LifecycleDocument document, LifecycleAction action);
}

/// What the worker does with a due step: proceed, hold it where it is, or fail the resource into a status.
/// <see cref="Amend"/> is what a failure changes on the document besides its status (a peering's error message).
public sealed record StepOutcome(
    StepVerdict Verdict, string? FailStatus = null, Func<LifecycleDocument, LifecycleDocument>? Amend = null, LifecycleAction? ThenBegin = null)
{
    public static readonly StepOutcome Proceed = new(StepVerdict.Proceed);
    public static readonly StepOutcome Stall = new(StepVerdict.Stall);
}

public enum StepVerdict
{
    Proceed,
    Stall,
    Fail,
}
