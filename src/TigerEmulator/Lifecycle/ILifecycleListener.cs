namespace TigerEmulator.Lifecycle;

/// Told of every lifecycle change after it is stored, in order for each resource, while other resources move on. A
/// listener that does outside work for a step (starting a database server, say) holds the resource in the status it
/// just entered until it completes or fails the hold it is given.
public interface ILifecycleListener
{
    /// Asked inside the change, under the state lock, so it must be quick and must not wait on anything: true keeps
    /// the resource in the status it entered (a step, not a final status) until this listener settles its hold.
    bool Holds(LifecycleEvent change) => false;

    /// Called after the change is stored; <paramref name="hold"/> is this listener's hold when <see cref="Holds"/>
    /// said so. An exception is logged and fails the hold.
    Task OnChangedAsync(LifecycleEvent change, LifecycleHold? hold, CancellationToken cancellationToken);
}
