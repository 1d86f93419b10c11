using TigerEmulator.Storage;
using TigerEmulator.Http;

namespace TigerEmulator.Lifecycle;

/// Starts actions from the transition table and moves resources along it (the worker calls <see cref="Advance"/>).
/// Every change it makes is told to the listeners once stored, and a listener may hold a resource in a step. Documents
/// are immutable: each method returns the changed one for its caller to store (a <c>with</c> on the base record keeps
/// the derived record's type and fields, so the casts back to T hold).
public sealed class ResourceLifecycle(
    EmulatorClock clock, LifecycleTimings timings, LifecycleSignal signal, TransitionTable table, LifecycleEvents events, LifecycleHolds holds,
    StateLock state, ILogger<ResourceLifecycle> logger)
{
    /// The due time of a held step: it never falls due on its own, only when the clock API releases it.
    public static readonly DateTime HeldUntil = DateTime.MaxValue;

    /// Null when the action may start from the resource's status; otherwise the 400 that says why not. The cloud answers
    /// an action its status does not allow as invalid parameters (the Tiger CLI's suite expects 400 for `start` on a
    /// READY service); 409 is kept for clashes between resources.
    public ErrorResult? Refusal(LifecycleDocument document, LifecycleAction action, string what) =>
        action.IsAllowedFrom(document.Status) && !TransitionTable.IsBeingDeleted(table.Kind(action.Kind), document.Status)
            ? null
            : Errors.BadRequest($"{what} '{document.Id}' is {document.Status}; {action.Name} needs {Needs(action)}");

    /// Null when the resource an action starts from (a fork's parent, a replica set's service) has the status the row
    /// asks for; otherwise the 400 that says why not.
    public static ErrorResult? SourceRefusal(LifecycleDocument source, LifecycleAction action, string what, string doing) =>
        action.SourceMustBe is { } needed && source.Status != needed
            ? Errors.BadRequest($"{what} '{source.Id}' is {source.Status}; {doing} needs {needed}")
            : null;

    /// The document on the first step of the action, for the caller to store.
    public T Begin<T>(T document, LifecycleAction action, Secret? password = null)
        where T : LifecycleDocument
    {
        var from = string.IsNullOrEmpty(document.Status) ? null : document.Status;
        holds.Abandon(action.Kind, document.Id);
        var now = clock.UtcNow;
        var status = action.Steps[0].Status;
        var begun = (T)(document with
        {
            Action = action.Name,
            Step = 0,
            Status = status,
            NextStepAt = Due(now, timings.StepDuration(action, 0)),
            History = [.. document.History, new StatusChange(now, status, action.Name)],
        });
        return Entered(begun, action.Kind, from, action.Name, now, action.Steps[0].Effect, password);
    }

    /// The document one step on, for the caller to store; null when it has finished its last step and is gone.
    public LifecycleDocument? Advance(LifecycleDocument document, LifecycleAction action, DateTime dueAt)
    {
        var from = document.Status;
        var next = document.Step + 1;
        if (next < action.Steps.Count)
        {
            var status = action.Steps[next].Status;
            var stepped = document with
            {
                Step = next,
                Status = status,
                NextStepAt = Due(dueAt, timings.StepDuration(action, next)),
                History = [.. document.History, new StatusChange(dueAt, status, action.Name)],
            };
            return Entered(stepped, action.Kind, from, action.Name, dueAt, action.Steps[next].Effect, null);
        }

        if (action.Final is not { } final)
        {
            Gone(document, action.Kind, action.Name, dueAt);
            return null;
        }

        var finished = document with
        {
            Status = final.Status,
            History = [.. document.History, new StatusChange(dueAt, final.Status, action.Name)],
            Action = null,
            Step = 0,
            NextStepAt = null,
        };
        return Entered(finished, action.Kind, from, action.Name, dueAt, final.Effect, null);
    }

    /// A lifecycle fault: the resource stops its action and lands in a failure status, with an optional follow-up.
    /// Returns the failed document for the caller to store.
    public T Fail<T>(T document, string kind, StepOutcome outcome, DateTime at, string why = LifecycleEvent.Faulted, string? reason = null)
        where T : LifecycleDocument
    {
        var from = document.Status;
        holds.Abandon(kind, document.Id);
        var status = outcome.FailStatus ?? document.Status;
        var failed = (T)((outcome.Amend?.Invoke(document) ?? document) with
        {
            Action = outcome.ThenBegin?.Name,
            Step = 0,
            NextStepAt = outcome.ThenBegin is { } followUp ? Due(at, timings.StepDuration(followUp, 0)) : null,
            Status = status,
            History = [.. document.History, new StatusChange(at, status, why, reason)],
        });
        return Entered(failed, kind, from, why, at, ServerEffect.None, null);
    }

    /// A resource a scenario puts in place: seeded mid-action (CONFIGURING, say), it carries on from that step, due
    /// after the step's full duration from now; listeners hear of it like of any other change. Returns the document to
    /// store.
    public T Place<T>(T document, string kind, DateTime now, Secret? password = null, string? setupSql = null)
        where T : LifecycleDocument
    {
        var registered = table.Kind(kind);
        var placed = (T)(document with { History = [.. document.History, new StatusChange(now, document.Status, LifecycleEvent.Seeded)] });
        var effect = SeededEffect(registered, document.Status);
        if (TransitionTable.InProgress(registered, document.Status) is { } progress)
        {
            placed = (T)(placed with
            {
                Action = progress.Action.Name,
                Step = progress.Step,
                NextStepAt = Due(now, timings.StepDuration(progress.Action, progress.Step)),
            });
            effect = progress.Action.Steps[progress.Step].Effect;
        }

        return Entered(placed, kind, null, LifecycleEvent.Seeded, now, effect, password, setupSql);
    }

    /// A change that is not a transition (a new password), told to the listeners like one; the document is as stored.
    public void Announce(LifecycleDocument document, string kind, string action, Secret? password)
    {
        if (events.HasListeners)
        {
            events.Raise(Change(document, kind, document.Status, action, clock.UtcNow, ServerEffect.None, password), NoHolds);
        }
    }

    /// Completes once the listeners have heard every change of the resource raised so far.
    public Task HeardAsync(string kind, string id) => events.HeardAsync(kind, id);

    /// As <see cref="HeardAsync"/>, for an answer that waits on outside work (a password in force, a pooler listening):
    /// a listener that takes longer (a server still starting) finishes on its own, and the answer goes after the bound.
    public async Task HeardWithinAsync(string kind, string id, CancellationToken aborted)
    {
        try
        {
            await events.HeardAsync(kind, id).WaitAsync(ListenerWait, aborted);
        }
        catch (TimeoutException)
        {
            // The listener carries on; the change is stored and the client is not kept waiting longer.
        }
    }

    private static readonly TimeSpan ListenerWait = TimeSpan.FromSeconds(30);

    /// A resource removed without a step of its own (its owner went): listeners hear that it is gone.
    public void Gone(LifecycleDocument document, string kind, string action, DateTime at)
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
                if (owned is LifecycleDocument lifecycleDocument)
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
    private T Entered<T>(T document, string kind, string? from, string action, DateTime at, ServerEffect effect, Secret? password, string? setupSql = null)
        where T : LifecycleDocument
    {
        if (!events.HasListeners)
        {
            SignalDue(document);
            return document;
        }

        var change = Change(document, kind, from, action, at, effect, password) with { SetupSql = setupSql };
        var held = document.NextStepAt is { } due ? holds.Open(change, due, Settle) : NoHolds;
        var entered = held.Count > 0 ? (T)(document with { NextStepAt = null }) : document;
        SignalDue(entered);
        events.Raise(change, held);
        return entered;
    }

    private LifecycleEvent Change(LifecycleDocument document, string kind, string? from, string action, DateTime at, ServerEffect effect, Secret? password) =>
        new(kind, document.Id, table.Kind(kind).ProjectOf(document), from, document.Status, action, at, effect) { Password = password };

    private void SignalDue(LifecycleDocument document)
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
                var released = document with { NextStepAt = due < clock.UtcNow && due != HeldUntil ? clock.UtcNow : due };
                kind.Update(released);
                SignalDue(released);
                return 0;
            }

            logger.LogWarning("{Kind} {Id}: {Status} failed: {Reason}", kind.Name, document.Id, document.Status, failure);
            kind.Update(Fail(document, kind.Name, new StepOutcome(StepVerdict.Fail, kind.FailedStatus), clock.UtcNow, LifecycleEvent.HoldFailed, failure));
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
