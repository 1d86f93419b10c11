using System.Diagnostics.Metrics;

namespace TigerEmulator.Lifecycle;

/// How late past its due time each transition is applied: the figure that says whether the worker keeps up.
public sealed class LifecycleMetrics : IDisposable
{
    public const string MeterName = "TigerEmulator.Lifecycle";

    private readonly Meter meter = new(MeterName);
    private readonly Histogram<double> lateness;

    public LifecycleMetrics()
    {
        lateness = meter.CreateHistogram<double>("tiger_emulator.lifecycle.lateness", unit: "ms", description: "Time from a transition's due time to its application");
    }

    public void Applied(DateTime dueAt, DateTime appliedAt) => lateness.Record(Math.Max(0, (appliedAt - dueAt).TotalMilliseconds));

    public void Dispose() => meter.Dispose();
}
