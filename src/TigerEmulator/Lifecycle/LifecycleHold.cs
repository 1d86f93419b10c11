namespace TigerEmulator.Lifecycle;

/// Keeps one resource in one status until its listener completes it (the step goes on) or fails it (the resource moves
/// to its kind's failure status). Settling a hold twice, or one the resource has left, changes nothing.
public sealed class LifecycleHold
{
    private readonly CancellationTokenSource abandoned = new();
    private readonly Action<LifecycleHold, string?> settle;
    private int settled;

    internal LifecycleHold(LifecycleEvent change, Action<LifecycleHold, string?> settle)
    {
        Change = change;
        this.settle = settle;
    }

    public LifecycleEvent Change { get; }

    /// Cancelled when the resource leaves the status some other way (deleted, another action, a reset): the work
    /// it waited for is no longer wanted.
    public CancellationToken Abandoned => abandoned.Token;

    public void Complete() => Settle(null);

    public void Fail(string reason) => Settle(reason);

    internal void Abandon()
    {
        if (Interlocked.Exchange(ref settled, 1) == 0)
        {
            abandoned.Cancel();
        }
    }

    private void Settle(string? failure)
    {
        if (Interlocked.Exchange(ref settled, 1) == 0)
        {
            settle(this, failure);
        }
    }
}
