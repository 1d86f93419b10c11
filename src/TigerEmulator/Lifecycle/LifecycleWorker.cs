using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Storage;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Lifecycle;

/// The one background worker that completes asynchronous work: it applies every transition that has fallen due,
/// strictly in the order of their due times.
public sealed class LifecycleWorker(
    EmulatorClock clock,
    ResourceLifecycle lifecycle,
    IStore<ServiceDocument> services,
    IStore<ReplicaSetDocument> replicaSets,
    IStore<PeeringDocument> peerings,
    ILifecycleInterceptor interceptor,
    LifecycleMetrics metrics,
    LifecycleSignal signal,
    StateLock state,
    ILogger<LifecycleWorker> logger) : BackgroundService
{
    /// The longest the worker sleeps without looking: bounds the wait when the clock is changed from outside.
    public static readonly TimeSpan LongestNap = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan ShortestNap = TimeSpan.FromMilliseconds(10);

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

    /// Lets every held step (see <see cref="LifecycleTimings.Held"/>) move once, then applies what is due.
    public async Task<int> ReleaseHeldAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.UtcNow;
        state.Run(() =>
        {
            Release(services, now);
            Release(replicaSets, now);
            Release(peerings, now);
            return 0;
        });
        return await ApplyDueAsync(cancellationToken);
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

    /// Sleeps until the earliest due step, so a transition lands on time instead of on the next poll; but not less
    /// than a few milliseconds, so that a steady stream of due steps is applied in batches rather than one wake each.
    private TimeSpan UntilNextStep()
    {
        var next = new[] { services.NextDue(), replicaSets.NextDue(), peerings.NextDue() }.Min();
        var wait = next is { } due ? due - clock.UtcNow : LongestNap;
        return wait < ShortestNap ? ShortestNap : wait > LongestNap ? LongestNap : wait;
    }

    private int ApplyDue(DateTime now)
    {
        var queue = new PriorityQueue<Func<DateTime?>, (DateTime, string)>();
        Enqueue(queue, services, TransitionTable.Service, now, RemoveReplicaSets);
        Enqueue(queue, replicaSets, TransitionTable.ReplicaSet, now, null);
        Enqueue(queue, peerings, TransitionTable.Peering, now, null);

        var applied = 0;
        while (queue.TryDequeue(out var step, out var key))
        {
            applied++;
            if (step() is { } next && next <= now)
            {
                queue.Enqueue(step, (next, key.Item2));
            }
        }

        return applied;
    }

    private void Enqueue<T>(PriorityQueue<Func<DateTime?>, (DateTime, string)> queue, IStore<T> store, string kind, DateTime now, Action<T>? onGone)
        where T : class, ILifecycleDocument
    {
        foreach (var document in store.DueBy(now))
        {
            queue.Enqueue(() => Apply(store, kind, document, onGone), (document.NextStepAt!.Value, document.Id));
        }
    }

    /// Applies one step to one resource; returns when its next step is due, or null when it has none.
    private DateTime? Apply<T>(IStore<T> store, string kind, T document, Action<T>? onGone)
        where T : class, ILifecycleDocument
    {
        var from = document.Status;
        var action = TransitionTable.Find(kind, document.Action);
        if (action is null)
        {
            document.NextStepAt = null;
            store.Update(document);
            return null;
        }

        // Held steps released by a clock advance are due "now", so their lateness is measured from the release.
        metrics.Applied(document.NextStepAt!.Value, clock.UtcNow);
        var outcome = interceptor.BeforeStep(document, action);
        if (outcome.Verdict == StepVerdict.Stall)
        {
            document.NextStepAt = ResourceLifecycle.HeldUntil;
            store.Update(document);
            logger.LogInformation("{Kind} {Id}: {From} stalled by a fault", kind, document.Id, from);
            return null;
        }

        if (outcome.Verdict == StepVerdict.Fail)
        {
            lifecycle.Fail(document, outcome, document.NextStepAt!.Value);
            store.Update(document);
            logger.LogInformation("{Kind} {Id}: {From} → {To} by a fault", kind, document.Id, from, document.Status);
            return document.NextStepAt;
        }

        if (!lifecycle.Advance(document, action, document.NextStepAt!.Value))
        {
            store.Delete(document.Id);
            onGone?.Invoke(document);
            logger.LogInformation("{Kind} {Id}: {From} → gone", kind, document.Id, from);
            return null;
        }

        store.Update(document);
        logger.LogInformation("{Kind} {Id}: {From} → {To}", kind, document.Id, from, document.Status);
        return document.NextStepAt;
    }

    private static void Release<T>(IStore<T> store, DateTime now)
        where T : class, ILifecycleDocument
    {
        var held = ResourceLifecycle.HeldUntil;
        foreach (var document in store.List(d => d.NextStepAt == held))
        {
            document.NextStepAt = now;
            store.Update(document);
        }
    }

    private void RemoveReplicaSets(ServiceDocument service)
    {
        foreach (var set in replicaSets.PeekOwnedBy(service.Id))
        {
            replicaSets.Delete(set.Id);
        }
    }
}
