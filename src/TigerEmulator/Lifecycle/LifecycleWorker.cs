using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Storage;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Lifecycle;

/// The one background worker that completes asynchronous work: it applies every transition that has fallen due.
public sealed class LifecycleWorker(
    EmulatorClock clock,
    ResourceLifecycle lifecycle,
    IStore<ServiceDocument> services,
    IStore<ReplicaSetDocument> replicaSets,
    IStore<PeeringDocument> peerings,
    ILogger<LifecycleWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly SemaphoreSlim pass = new(1, 1);

    /// Applies everything due at the emulated now, oldest first. Tests and the clock API call it to settle state.
    public async Task<int> ApplyDueAsync(CancellationToken cancellationToken = default)
    {
        await pass.WaitAsync(cancellationToken);
        try
        {
            return services.Atomically(() =>
            {
                var now = clock.UtcNow;
                var applied = 0;
                // One step per pass per resource keeps ordering simple; loop until nothing more is due.
                for (int moved; (moved = Step(services, TransitionTable.Service, now, OnServiceGone) + Step(replicaSets, TransitionTable.ReplicaSet, now, null) + Step(peerings, TransitionTable.Peering, now, null)) > 0;)
                {
                    applied += moved;
                }

                return applied;
            });
        }
        finally
        {
            pass.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ApplyDueAsync(stoppingToken);
                await Task.Delay(Tick, clock.Time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Lifecycle pass failed; retrying on the next tick");
                await Task.Delay(Tick, clock.Time, stoppingToken);
            }
        }
    }

    private int Step<T>(IStore<T> store, string kind, DateTime now, Action<T>? onGone)
        where T : class, ILifecycleDocument
    {
        var due = store.List(d => d.NextStepAt != null && d.NextStepAt <= now).OrderBy(d => d.NextStepAt).ThenBy(d => d.Id).ToList();
        foreach (var document in due)
        {
            var action = TransitionTable.Find(kind, document.Action);
            var from = document.Status;
            if (action is null)
            {
                document.NextStepAt = null;
                store.Update(document);
                continue;
            }

            if (lifecycle.Advance(document, action, document.NextStepAt!.Value))
            {
                store.Update(document);
                logger.LogInformation("{Kind} {Id}: {From} → {To}", kind, document.Id, from, document.Status);
            }
            else
            {
                store.Delete(document.Id);
                onGone?.Invoke(document);
                logger.LogInformation("{Kind} {Id}: {From} → gone", kind, document.Id, from);
            }
        }

        return due.Count;
    }

    private void OnServiceGone(ServiceDocument service)
    {
        foreach (var set in replicaSets.List(r => r.ServiceId == service.Id))
        {
            replicaSets.Delete(set.Id);
        }
    }
}
