using TigerEmulator.Storage;
namespace TigerEmulator.Lifecycle;

/// The one background worker that completes asynchronous work: it applies every transition that has fallen due, of
/// every registered kind, strictly in the order of their due times.
public sealed class LifecycleWorker(
    EmulatorClock clock,
    ResourceLifecycle lifecycle,
    TransitionTable table,
    IEnumerable<ILifecycleInterceptor> interceptors,
    LifecycleEvents events,
    LifecycleMetrics metrics,
    LifecycleSignal signal,
    StateLock state,
    ILogger<LifecycleWorker> logger) : BackgroundService
{
    /// The longest the worker sleeps without looking: bounds the wait when the clock is changed from outside.
    public static readonly TimeSpan LongestNap = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan ShortestNap = TimeSpan.FromMilliseconds(10);

    // A settled state needs few rounds; the bound keeps a listener that holds and completes at once from looping.
    private const int MostRounds = 100;

    private readonly ILifecycleInterceptor[] interceptors = [.. interceptors];
    private readonly SemaphoreSlim pass = new(1, 1);

    /// Applies everything due at the emulated now. Tests and the clock API call it to settle state at once.
    public async Task<int> ApplyDueAsync(CancellationToken cancellationToken = default)
    {
        await pass.WaitAsync(cancellationToken);
        try
        {
            return state.Run(() => ApplyDue(clock.UtcNow));
        }
        finally
        {
            pass.Release();
        }
    }

    /// Applies what is due, then waits for the listeners to hear of it and applies what their completed holds let go,
    /// until nothing more falls due: with the clock stood still, advancing it completes the outside work of every step
    /// that fell due (a hold its listener keeps open stays open).
    public async Task<int> SettleAsync(CancellationToken cancellationToken = default)
    {
        var applied = await ApplyDueAsync(cancellationToken);
        for (var round = 0; round < MostRounds && events.HasListeners; round++)
        {
            await events.DrainAsync().WaitAsync(cancellationToken);
            var more = await ApplyDueAsync(cancellationToken);
            if (more == 0)
            {
                break;
            }

            applied += more;
        }

        return applied;
    }

    /// Lets every held step (see <see cref="LifecycleTimings.Held"/>) move once, then applies what is due.
    public async Task<int> ReleaseHeldAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        state.Run(() =>
        {
            foreach (var kind in table.Kinds)
            {
                foreach (var document in kind.Where(document => document.NextStepAt == ResourceLifecycle.HeldUntil))
                {
                    kind.Update(document with { NextStepAt = now });
                }
            }

            return 0;
        });
        return await SettleAsync(cancellationToken);
    }

    /// Resumes parked resources before the host serves anything (ExecuteAsync may start later, on another thread).
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        ResumeParked();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ApplyDueAsync(stoppingToken);
                var nap = UntilNextStep();
                var wake = signal.Plan(clock.UtcNow + nap);
                using var napping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, wake);
                await Task.Delay(nap, clock.Time, napping.Token);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                // Work fell due sooner than planned: look again at once.
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Lifecycle pass failed; retrying");
                await Task.Delay(LongestNap, clock.Time, stoppingToken);
            }
        }
    }

    // Holds live in memory: a resource that waited on one when the emulator stopped carries on at once after a restart.
    private void ResumeParked()
    {
        var now = clock.UtcNow;
        state.Run(() =>
        {
            foreach (var kind in table.Kinds)
            {
                foreach (var document in kind.Where(document => document.NextStepAt is null && document.Action is not null))
                {
                    kind.Update(document with { NextStepAt = now });
                }
            }

            return 0;
        });
    }

    /// Sleeps until the earliest due step, so a transition lands on time instead of on the next poll; but not less
    /// than a few milliseconds, so that a steady stream of due steps is applied in batches rather than one wake each.
    private TimeSpan UntilNextStep()
    {
        var next = table.Kinds.Select(kind => kind.NextDue()).Min();
        var wait = next is { } due ? due - clock.UtcNow : LongestNap;
        return wait < ShortestNap ? ShortestNap : wait > LongestNap ? LongestNap : wait;
    }

    private int ApplyDue(DateTime now)
    {
        var queue = new PriorityQueue<(IResourceKind Kind, LifecycleDocument Document), (DateTime, string)>();
        foreach (var kind in table.Kinds)
        {
            foreach (var document in kind.DueBy(now))
            {
                queue.Enqueue((kind, document), (document.NextStepAt!.Value, document.Id));
            }
        }

        var applied = 0;
        while (queue.TryDequeue(out var step, out var key))
        {
            applied++;
            if (Apply(step.Kind, step.Document) is { NextStepAt: { } next } stored && next <= now)
            {
                queue.Enqueue((step.Kind, stored), (next, key.Item2));
            }
        }

        return applied;
    }

    /// Applies one step to one resource; returns the document as stored now, null when it is gone or has no next step.
    private LifecycleDocument? Apply(IResourceKind kind, LifecycleDocument document)
    {
        var from = document.Status;
        var action = table.Find(kind.Name, document.Action);
        if (action is null)
        {
            kind.Update(document with { NextStepAt = null });
            return null;
        }

        // Held steps released by a clock advance are due "now", so their lateness is measured from the release.
        var dueAt = document.NextStepAt!.Value;
        metrics.Applied(dueAt, clock.UtcNow);
        var outcome = Decide(document, action);
        if (outcome.Verdict == StepVerdict.Stall)
        {
            kind.Update(document with { NextStepAt = ResourceLifecycle.HeldUntil });
            logger.LogInformation("{Kind} {Id}: {From} stalled by a fault", kind.Name, document.Id, from);
            return null;
        }

        if (outcome.Verdict == StepVerdict.Fail)
        {
            var failed = lifecycle.Fail(document, kind.Name, outcome, dueAt);
            kind.Update(failed);
            logger.LogInformation("{Kind} {Id}: {From} → {To} by a fault", kind.Name, document.Id, from, failed.Status);
            return failed;
        }

        if (lifecycle.Advance(document, action, dueAt) is not { } advanced)
        {
            kind.Delete(document.Id);
            lifecycle.RemoveOwned(kind.Name, document.Id, action.Name, dueAt);
            logger.LogInformation("{Kind} {Id}: {From} → gone", kind.Name, document.Id, from);
            return null;
        }

        kind.Update(advanced);
        logger.LogInformation("{Kind} {Id}: {From} → {To}", kind.Name, document.Id, from, advanced.Status);
        return advanced;
    }

    private StepOutcome Decide(LifecycleDocument document, LifecycleAction action)
    {
        foreach (var interceptor in interceptors)
        {
            var outcome = interceptor.BeforeStep(document, action);
            if (outcome.Verdict != StepVerdict.Proceed)
            {
                return outcome;
            }
        }

        return StepOutcome.Proceed;
    }
}
