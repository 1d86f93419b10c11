using TigerEmulator.Logs;
using TigerEmulator.RealServers;
using TigerEmulator.Services;

namespace TigerEmulator.Metrics;

/// Computes the points of a service's series: one per bucket, null where no scrape fell (before the service ran, while
/// it was stopped, after the emulated now). Nothing is stored; each value is drawn from the service's id, the series and
/// the scrape's minute. Costs O(buckets × log runs + runs) a series.
/// <paramref name="server"/> gives the real figures a scrape reads (see ServerSamples), none without a real server.
internal sealed class SeriesBuilder(ServiceDocument service, DateTime now, int seed, Func<DateTime, ServerFigures?>? server = null)
{
    private readonly ServiceRuns runs = new(service);
    private readonly ulong serviceHash = SlotHash.Of(service.Id, 0, seed);

    public MetricSeriesBody Build(MetricDefinition metric, SeriesKey series, MetricWindow window, string function)
    {
        var seriesHash = SlotHash.Of(service.Id, series.Node, seed);
        Scrape ScrapeAt(DateTime at) => new(at, runs.SizeAt(at), runs.RunningSecondsBefore(at), serviceHash, seriesHash, series.Job, server?.Invoke(at));

        var points = new List<MetricPointBody>();
        foreach (var (start, from, until) in window.Buckets())
        {
            // A scrape at the emulated now has happened; one after it has not.
            var end = until <= now ? until : now.AddTicks(1);
            var ranges = runs.Overlapping(from, end).Select(run => ScrapeRange.Within(run, from, end)).OfType<ScrapeRange>().ToList();
            double? value = ranges.Count == 0 ? null
                : metric.IsCounter ? CounterBucket.Of(function, ranges, run => metric.Read(ScrapeAt(run.Start)), (until - from).TotalSeconds)
                : metric.Read(ScrapeAt(ranges[^1].Last));
            points.Add(new MetricPointBody(start, value is { } v ? Math.Round(v, 3) : null));
        }

        return new MetricSeriesBody(series.Labels, points);
    }
}
