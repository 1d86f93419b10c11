using TigerEmulator.Storage;
namespace TigerEmulator.Lifecycle;

/// Delivers lifecycle changes to the listeners once the change is stored: in order for each resource, concurrently
/// across resources, so a slow listener on one service never delays another's. With no listener it costs nothing.
public sealed class LifecycleEvents(IEnumerable<ILifecycleListener> listeners, StateLock state, ILogger<LifecycleEvents> logger)
{
    private readonly ILifecycleListener[] listeners = [.. listeners];
    private readonly Lock gate = new();
    private readonly Dictionary<(string Kind, string Id), Task> tails = [];

    public bool HasListeners => listeners.Length > 0;

    /// Queues a change raised under the state lock; delivery waits until the lock is let go, so after the write.
    internal void Raise(LifecycleEvent change, IReadOnlyDictionary<ILifecycleListener, LifecycleHold> holds)
    {
        if (listeners.Length == 0)
        {
            return;
        }

        lock (gate)
        {
            var key = (change.Kind, change.Id);
            var delivery = DeliverAsync(tails.GetValueOrDefault(key) ?? Task.CompletedTask, change, holds);
            tails[key] = delivery;
            _ = delivery.ContinueWith(_ => Forget(key, delivery), TaskScheduler.Default);
        }
    }

    /// Completes when every change raised so far has been delivered to every listener.
    public Task DrainAsync()
    {
        lock (gate)
        {
            return Task.WhenAll(tails.Values);
        }
    }

    /// Completes when every change raised so far for one resource has been delivered: a handler whose answer promises
    /// the outside work done (a new password in force) waits on it.
    public Task HeardAsync(string kind, string id)
    {
        lock (gate)
        {
            return tails.GetValueOrDefault((kind, id)) ?? Task.CompletedTask;
        }
    }

    private async Task DeliverAsync(Task before, LifecycleEvent change, IReadOnlyDictionary<ILifecycleListener, LifecycleHold> holds)
    {
        await before;

        // Off the raising thread, then through the state lock once: whoever raised the change has stored it by now.
        await Task.Yield();
        state.Run(() => 0);
        foreach (var listener in listeners)
        {
            var hold = holds.GetValueOrDefault(listener);
            try
            {
                await listener.OnChangedAsync(change, hold, hold?.Abandoned ?? CancellationToken.None);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "{Listener} failed on {Kind} {Id} → {To}", listener.GetType().Name, change.Kind, change.Id, change.To ?? "gone");
                hold?.Fail($"{listener.GetType().Name} failed: {exception.Message}");
            }
        }
    }

    private void Forget((string Kind, string Id) key, Task delivery)
    {
        lock (gate)
        {
            if (tails.TryGetValue(key, out var tail) && tail == delivery)
            {
                tails.Remove(key);
            }
        }
    }
}
