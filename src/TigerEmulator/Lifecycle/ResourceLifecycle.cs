using TigerEmulator.Http;

namespace TigerEmulator.Lifecycle;

/// Starts actions from the transition table and moves resources along it; the worker calls <see cref="Advance"/>.
public sealed class ResourceLifecycle(EmulatorClock clock, LifecycleTimings timings, LifecycleSignal signal)
{
    /// Null when the action may start from the resource's status; otherwise the 409 that says why not.
    public static ErrorResult? Refusal(ILifecycleDocument document, LifecycleAction action, string what) =>
        action.IsAllowedFrom(document.Status) && document.Status != "DELETING" && document.Status != "deleting"
            ? null
            : Errors.Conflict($"{what} '{document.Id}' is {document.Status}; {action.Name} needs {Needs(action)}");

    public void Begin(ILifecycleDocument document, LifecycleAction action)
    {
        document.Action = action.Name;
        document.Step = 0;
        document.Status = action.Steps[0];
        var now = clock.UtcNow;
        document.NextStepAt = Due(now, timings.StepDuration(action, 0));
        document.History.Add(new StatusChange(now, document.Status, action.Name));
        signal.Due(document.NextStepAt.Value);
    }

    /// Moves one step. Returns false when the resource has finished its last step and is gone.
    public bool Advance(ILifecycleDocument document, LifecycleAction action, DateTime dueAt)
    {
        var next = document.Step + 1;
        if (next < action.Steps.Count)
        {
            document.Step = next;
            document.Status = action.Steps[next];
            document.NextStepAt = Due(dueAt, timings.StepDuration(action, next));
            document.History.Add(new StatusChange(dueAt, document.Status, action.Name));
            return true;
        }

        if (action.FinalStatus is null)
        {
            return false;
        }

        document.Status = action.FinalStatus;
        document.History.Add(new StatusChange(dueAt, document.Status, action.Name));
        document.Action = null;
        document.Step = 0;
        document.NextStepAt = null;
        return true;
    }

    /// The due time of a held step: it never falls due on its own, only when the clock API releases it.
    public static readonly DateTime HeldUntil = DateTime.MaxValue;

    /// When a step that starts at <paramref name="from"/> and lasts <paramref name="duration"/> falls due.
    public static DateTime Due(DateTime from, TimeSpan duration) =>
        duration == LifecycleTimings.Held ? HeldUntil : from + duration;

    /// A lifecycle fault: the resource stops its action and lands in a failure status, with an optional follow-up.
    public void Fail(ILifecycleDocument document, StepOutcome outcome, DateTime at)
    {
        document.Action = null;
        document.Step = 0;
        document.NextStepAt = null;
        document.Status = outcome.FailStatus ?? document.Status;
        document.History.Add(new StatusChange(at, document.Status, "fault"));
        if (outcome.ThenBegin is { } followUp)
        {
            document.Action = followUp.Name;
            document.NextStepAt = Due(at, timings.StepDuration(followUp, 0));
        }
    }

    private static string Needs(LifecycleAction action) =>
        action.AllowedFrom is null ? "a resource that is not being deleted" : string.Join(" or ", action.AllowedFrom);
}
