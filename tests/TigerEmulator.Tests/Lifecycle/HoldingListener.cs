using System.Collections.Concurrent;
using TigerEmulator.Lifecycle;
using TigerEmulator.Services;

namespace TigerEmulator.Tests.Lifecycle;

/// A listener as an outside participant would be: it records every change it hears of, and holds the services the
/// test names in CONFIGURING, handing each hold to the test to complete or fail.
public sealed class HoldingListener : ILifecycleListener
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<LifecycleHold>> holds = new();

    public ConcurrentQueue<LifecycleEvent> Heard { get; } = new();

    /// Holds this service when it next enters CONFIGURING.
    public void Hold(string serviceId) =>
        holds[serviceId] = new TaskCompletionSource<LifecycleHold>(TaskCreationOptions.RunContinuationsAsynchronously);

    /// The hold on the service, once the listener has been told of it; bounded so a missing hold fails the test.
    public Task<LifecycleHold> HoldOnAsync(string serviceId) => holds[serviceId].Task.WaitAsync(TimeSpan.FromSeconds(10));

    public IReadOnlyList<LifecycleEvent> Of(string id) => Heard.Where(change => change.Id == id).ToList();

    public bool Holds(LifecycleEvent change) =>
        change.Kind == ServiceLifecycle.Kind && change.To == ServiceStatus.Configuring && holds.ContainsKey(change.Id);

    public Task OnChangedAsync(LifecycleEvent change, LifecycleHold? hold, CancellationToken cancellationToken)
    {
        Heard.Enqueue(change);
        if (hold is not null)
        {
            holds[change.Id].TrySetResult(hold);
        }

        return Task.CompletedTask;
    }
}
