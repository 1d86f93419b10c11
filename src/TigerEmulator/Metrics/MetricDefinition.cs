namespace TigerEmulator.Metrics;

/// One metric series the emulator serves: its name, its series and labels, how a scrape reads it, and the aggregation
/// functions a request may ask for (none: the contract lists the metric as refusing <c>fn</c>).
internal sealed record MetricDefinition(string Name, MetricScope Scope, Func<Scrape, double> Read, IReadOnlySet<string> Functions)
{
    private static readonly string[] NodeLabels = [SeriesLabels.Role, SeriesLabels.Ordinal];
    private static readonly string[] JobLabels = [SeriesLabels.Role, SeriesLabels.JobId];

    /// A counter's reading is its per-second rate; the series reports the count since the process started.
    public bool IsCounter { get; init; }

    /// Read from a real server's figures where the service has one (see ServerSamples).
    public bool ReadsServer { get; init; }

    public IReadOnlyList<string> LabelKeys => Scope == MetricScope.Jobs ? JobLabels : NodeLabels;
}
