namespace TigerEmulator.Lifecycle;

/// Wakes the worker early when new work falls due before the worker planned to look again, so that it can
/// sleep until the next due step instead of polling. Work due later than the plan needs no wake-up.
public sealed class LifecycleSignal
{
    private readonly object gate = new();
    private CancellationTokenSource nap = new();
    private DateTime plannedWake = DateTime.MinValue;

    /// A token cancelled when work falls due before <paramref name="wakeAt"/>, the time the worker plans to look again.
    public CancellationToken Plan(DateTime wakeAt)
    {
        lock (gate)
        {
            plannedWake = wakeAt;
            return nap.Token;
        }
    }

    /// Tells the worker that a step falls due at <paramref name="dueAt"/>.
    public void Due(DateTime dueAt)
    {
        CancellationTokenSource? woken = null;
        lock (gate)
        {
            if (dueAt < plannedWake)
            {
                woken = nap;
                nap = new CancellationTokenSource();
                plannedWake = DateTime.MinValue;
            }
        }

        woken?.Cancel();
        woken?.Dispose();
    }
}
