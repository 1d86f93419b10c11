using System.Collections.Concurrent;
using TigerEmulator.RealServers;

namespace TigerEmulator.Metrics;

/// A service's real figures (database size, connections), sampled once per scrape minute of the emulated clock: the
/// first request that needs the current minute's reading asks the server, and every later request in that minute gets
/// the same figure, so a request repeated gives the same answer. A scrape minute reads the newest sample at or before
/// it (a gauge holds its last reading); minutes before the first sample, and services without a server, keep the
/// generated figures. Samples live in memory, the newest two weeks of minutes a service.
public sealed class ServerSamples
{
    private const int Kept = 14 * 24 * 60;

    private readonly ConcurrentDictionary<string, Samples> services = new();

    /// The figures a scrape at a moment reads, or null where the generated ones stand; samples the current minute first.
    internal async Task<Func<DateTime, ServerFigures?>> ReadingsAsync(string serviceId, DateTime now, IRealServers servers, CancellationToken cancellationToken)
    {
        var samples = services.GetOrAdd(serviceId, _ => new Samples());
        var minute = new DateTime(now.Ticks - (now.Ticks % ScrapeRange.Interval.Ticks), DateTimeKind.Utc);
        await samples.Gate.WaitAsync(cancellationToken);
        try
        {
            if (samples.Newest() < minute && await servers.FiguresAsync(serviceId, cancellationToken) is { } figures)
            {
                samples.Add(minute, figures);
            }

            return samples.Snapshot();
        }
        finally
        {
            samples.Gate.Release();
        }
    }

    private sealed class Samples
    {
        private readonly List<(DateTime Minute, ServerFigures Figures)> taken = [];

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public DateTime Newest() => taken.Count > 0 ? taken[^1].Minute : DateTime.MinValue;

        public void Add(DateTime minute, ServerFigures figures)
        {
            taken.Add((minute, figures));
            if (taken.Count > Kept)
            {
                taken.RemoveRange(0, taken.Count - Kept);
            }
        }

        // A copy: later samples never change what one request reads.
        public Func<DateTime, ServerFigures?> Snapshot()
        {
            var copy = taken.ToArray();
            return at =>
            {
                var (low, high) = (0, copy.Length);
                while (low < high)
                {
                    var middle = (low + high) / 2;
                    (low, high) = copy[middle].Minute <= at ? (middle + 1, high) : (low, middle);
                }

                return low == 0 ? null : copy[low - 1].Figures;
            };
        }
    }
}
