using TigerEmulator.Storage;
using TigerEmulator.Http;

namespace TigerEmulator.Lifecycle;

/// Starts actions from the transition table and moves resources along it (the worker calls <see cref="Advance"/>).
/// Every change it makes is told to the listeners once stored, and a listener may hold a resource in a step.
public sealed class ResourceLifecycle(
    EmulatorClock clock, LifecycleTimings timings, LifecycleSignal signal, TransitionTable table, LifecycleEvents events, LifecycleHolds holds,
    StateLock state, ILogger<ResourceLifecycle> logger)
{
    /// The due time of a held step: it never falls due on its own, only when the clock API releases it.
    public static readonly DateTime HeldUntil = DateTime.MaxValue;

    public TransitionTable Table => table;

    /// Null when the action may start from the resource's status; otherwise the 409 that says why not.
    public ErrorResult? Refusal(ILifecycleDocument document, LifecycleAction action, string what) =>
        action.IsAllowedFrom(document.Status) && !TransitionTable.IsBeingDeleted(table.Kind(action.Kind), document.Status)
            ? null
            : Errors.Conflict($"{what} '{document.Id}' is {document.Status}; {action.Name} needs {Needs(action)}");

    /// Null when the resource an action starts from (a fork's parent, a replica set's service) has the status the row
    /// asks for; otherwise the 409 that says why not.
    public static ErrorResult? SourceRefusal(ILifecycleDocument source, LifecycleAction action, string what, string doing) =>
        action.SourceMustBe is { } needed && source.Status != needed
            ? Errors.Conflict($"{what} '{source.Id}' is {source.Status}; {doing} needs {needed}")
            : null;

    public void Begin(ILifecycleDocument document, LifecycleAction action, Secret? password = null)
    {
        var from = string.IsNullOrEmpty(document.Status) ? null : document.Status;
        holds.Abandon(action.Kind, document.Id);
        document.Action = action.Name;
        document.Step = 0;
        document.Status = action.Steps[0].Status;
        var now = clock.UtcNow;
        document.NextStepAt = Due(now, timings.StepDuration(action, 0));
        document.History.Add(new StatusChange(now, document.Status, action.Name));
        Entered(document, action.Kind, from, action.Name, now, action.Steps[0].Effect, password);
    }

    /// Moves one step. Returns false when the resource has finished its last step and is gone.
    public bool Advance(ILifecycleDocument document, LifecycleAction action, DateTime dueAt)
    {
        var from = document.Status;
        var next = document.Step + 1;
        if (next < action.Steps.Count)
        {
            document.Step = next;
            document.Status = action.Steps[next].Status;
            document.NextStepAt = Due(dueAt, timings.StepDuration(action, next));
            document.History.Add(new StatusChange(dueAt, document.Status, action.Name));
            Entered(document, action.Kind, from, action.Name, dueAt, action.Steps[next].Effect, null);
            return true;
        }

        if (action.Final is not { } final)
        {
            Gone(document, action.Kind, action.Name, dueAt);
            return false;
        }

        document.Status = final.Status;
        document.History.Add(new StatusChange(dueAt, document.Status, action.Name));
        document.Action = null;
        document.Step = 0;
        document.NextStepAt = null;
        Entered(document, action.Kind, from, action.Name, dueAt, final.Effect, null);
        return true;
    }

    /// A lifecycle fault: the resource stops its action and lands in a failure status, with an optional follow-up.
    public void Fail(ILifecycleDocument document, string kind, StepOutcome outcome, DateTime at, string why = LifecycleEvent.Faulted)
    {
        var from = document.Status;
        holds.Abandon(kind, document.Id);
        document.Action = null;
        document.Step = 0;
        document.NextStepAt = null;
        document.Status = outcome.FailStatus ?? document.Status;
        document.History.Add(new StatusChange(at, document.Status, why));
        if (outcome.ThenBegin is { } followUp)
        {
            document.Action = followUp.Name;
            document.NextStepAt = Due(at, timings.StepDuration(followUp, 0));
        }

        Entered(document, kind, from, why, at, ServerEffect.None, null);
    }

    /// A resource a scenario puts in place: seeded mid-action (CONFIGURING, say), it carries on from that step, due
    /// after the step's full duration from now; listeners hear of it like of any other change.
    public void Place(ILifecycleDocument document, string kind, DateTime now, Secret? password = null)
    {
        var registered = table.Kind(kind);
        document.History.Add(new StatusChange(now, document.Status, LifecycleEvent.Seeded));
        var effect = SeededEffect(registered, document.Status);
        if (TransitionTable.InProgress(registered, document.Status) is { } progress)
        {
            document.Action = progress.Action.Name;
            document.Step = progress.Step;
            document.NextStepAt = Due(now, timings.StepDuration(progress.Action, progress.Step));
            effect = progress.Action.Steps[progress.Step].Effect;
        }

        Entered(document, kind, null, LifecycleEvent.Seeded, now, effect, password);
    }

    /// A change that is not a transition (a new password), told to the listeners like one.
    public void Announce(ILifecycleDocument document, string kind, string action, Secret? password)
    {
        if (events.HasListeners)
        {
            events.Raise(Change(document, kind, document.Status, action, clock.UtcNow, ServerEffect.None, password), NoHolds);
        }
    }

    /// A resource removed without a step of its own (its owner went): listeners hear that it is gone.
    public void Gone(ILifecycleDocument document, string kind, string action, DateTime at)
    {
        holds.Abandon(kind, document.Id);
        if (events.HasListeners)
        {
            events.Raise(Change(document, kind, document.Status, action, at, ServerEffect.None, null) with { To = null }, NoHolds);
        }
    }

    /// What deleting a resource cascades to: every resource of the kinds it owns, and theirs in turn. Call it under
    /// the state lock, with the owner already gone.
    public void RemoveOwned(string ownerKind, string ownerId, string action, DateTime at)
    {
        foreach (var kind in table.Kinds.Where(k => k.OwnerKind == ownerKind))
        {
            foreach (var owned in kind.OwnedBy(ownerId))
            {
                kind.Delete(owned.Id);
                if (owned is ILifecycleDocument lifecycleDocument)
                {
                    Gone(lifecycleDocument, kind.Name, action, at);
                }

                RemoveOwned(kind.Name, owned.Id, action, at);
            }
        }
    }

    /// Forgets every hold: the state they waited in is about to be thrown away.
    public void AbandonHolds() => holds.AbandonAll();

    /// When a step that starts at <paramref name="from"/> and lasts <paramref name="duration"/> falls due.
    public static DateTime Due(DateTime from, TimeSpan duration) =>
        duration == LifecycleTimings.Held ? HeldUntil : from + duration;

    // Tells the listeners, and parks the resource (no step due) while any of them holds it.
    private void Entered(ILifecycleDocument document, string kind, string? from, string action, DateTime at, ServerEffect effect, Secret? password)
    {
        if (!events.HasListeners)
        {
            SignalDue(document);
            return;
        }

        var change = Change(document, kind, from, action, at, effect, password);
        var held = document.NextStepAt is { } due ? holds.Open(change, due, Settle) : NoHolds;
        if (held.Count > 0)
        {
            document.NextStepAt = null;
        }

        SignalDue(document);
        events.Raise(change, held);
    }

    private LifecycleEvent Change(ILifecycleDocument document, string kind, string? from, string action, DateTime at, ServerEffect effect, Secret? password) =>
        new(kind, document.Id, table.Kind(kind).ProjectOf(document), from, document.Status, action, at, effect) { Password = password };

    private void SignalDue(ILifecycleDocument document)
    {
        if (document.NextStepAt is { } next)
        {
            signal.Due(next);
        }
    }

    // A listener settled its hold: the step falls due again once the last is complete; a failure fails the resource.
    private void Settle(LifecycleHold hold, string? failure)
    {
        if (holds.Settle(hold, failure is not null) is not { } due)
        {
            return;
        }

        var change = hold.Change;
        var kind = table.Kind(change.Kind);
        state.Run(() =>
        {
            var document = kind.Get(change.Id);
            if (document is null || document.Status != change.To || document.NextStepAt is not null)
            {
                return 0;
            }

            if (failure is null)
            {
                document.NextStepAt = due < clock.UtcNow && due != HeldUntil ? clock.UtcNow : due;
                kind.Update(document);
                SignalDue(document);
                return 0;
            }

            logger.LogWarning("{Kind} {Id}: {Status} failed: {Reason}", kind.Name, document.Id, document.Status, failure);
            Fail(document, kind.Name, new StepOutcome(StepVerdict.Fail, kind.FailedStatus), clock.UtcNow, LifecycleEvent.HoldFailed);
            kind.Update(document);
            return 0;
        });
    }

    // A seeded resource that is running (the final status of a row that starts its process) starts fresh when seeded.
    private static ServerEffect SeededEffect(IResourceKind kind, string status) =>
        kind.Actions.Any(a => a.Final is { } final && final.Status == status && final.Effect is ServerEffect.StartFresh or ServerEffect.StartRestored or ServerEffect.Restart)
            ? ServerEffect.StartFresh
            : ServerEffect.None;

    private static string Needs(LifecycleAction action) =>
        action.AllowedFrom is null ? "a resource that is not being deleted" : string.Join(" or ", action.AllowedFrom);

    private static readonly IReadOnlyDictionary<ILifecycleListener, LifecycleHold> NoHolds = new Dictionary<ILifecycleListener, LifecycleHold>();
}
