namespace TigerEmulator.Lifecycle;

/// The resources kept in a status by their listeners' holds, each with the time its step was due when the hold began:
/// the step falls due again, at that time or now if later, once the last hold on it is completed.
public sealed class LifecycleHolds(IEnumerable<ILifecycleListener> listeners)
{
    private readonly ILifecycleListener[] listeners = [.. listeners];
    private readonly Lock gate = new();
    private readonly Dictionary<(string Kind, string Id), Parked> parked = [];

    /// Asks every listener whether it holds the change; returns each holder's hold, none when nobody holds it.
    internal IReadOnlyDictionary<ILifecycleListener, LifecycleHold> Open(LifecycleEvent change, DateTime due, Action<LifecycleHold, string?> settle)
    {
        Dictionary<ILifecycleListener, LifecycleHold>? holds = null;
        foreach (var listener in listeners)
        {
            if (listener.Holds(change))
            {
                (holds ??= [])[listener] = new LifecycleHold(change, settle);
            }
        }

        if (holds is null)
        {
            return Empty;
        }

        lock (gate)
        {
            parked[(change.Kind, change.Id)] = new Parked(due, [.. holds.Values]);
        }

        return holds;
    }

    /// Takes a settled hold off its resource. Returns the due time to restore when the resource should move on (the
    /// last hold completed, or any hold failed, which abandons the others); null while others are open or when the
    /// resource was no longer held.
    internal DateTime? Settle(LifecycleHold hold, bool failed)
    {
        lock (gate)
        {
            var key = (hold.Change.Kind, hold.Change.Id);
            if (!parked.TryGetValue(key, out var entry) || !entry.Open.Remove(hold))
            {
                return null;
            }

            if (entry.Open.Count > 0 && !failed)
            {
                return null;
            }

            parked.Remove(key);
            foreach (var other in entry.Open)
            {
                other.Abandon();
            }

            return entry.Due;
        }
    }

    /// The resource left its held status some other way: its holds are no longer wanted.
    internal void Abandon(string kind, string id)
    {
        Parked? entry;
        lock (gate)
        {
            if (!parked.Remove((kind, id), out entry))
            {
                return;
            }
        }

        entry.Open.ForEach(hold => hold.Abandon());
    }

    internal void AbandonAll()
    {
        List<Parked> all;
        lock (gate)
        {
            all = [.. parked.Values];
            parked.Clear();
        }

        all.ForEach(entry => entry.Open.ForEach(hold => hold.Abandon()));
    }

    private static readonly IReadOnlyDictionary<ILifecycleListener, LifecycleHold> Empty = new Dictionary<ILifecycleListener, LifecycleHold>();

    private sealed record Parked(DateTime Due, List<LifecycleHold> Open);
}
