namespace TigerEmulator.Lifecycle;

/// Wakes the worker when new work begins, so that it can sleep until the next due step instead of polling.
public sealed class LifecycleSignal
{
    private CancellationTokenSource nap = new();

    /// A token that is cancelled the next time work begins.
    public CancellationToken NextWake => Volatile.Read(ref nap).Token;

    public void Wake()
    {
        var woken = Interlocked.Exchange(ref nap, new CancellationTokenSource());
        woken.Cancel();
        woken.Dispose();
    }
}
