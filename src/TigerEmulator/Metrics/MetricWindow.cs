namespace TigerEmulator.Metrics;

/// The time window of a request cut into buckets. Buckets start on multiples of their size since the Unix epoch (as
/// time_bucket does); the first may start before <c>from</c>, but only scrapes within [from, to) count.
/// A window is at most 365 days; its length sets the finest bucket it may be cut into (its tier), which bounds a series
/// at 1,441 buckets.
internal sealed record MetricWindow(DateTime From, DateTime To, int BucketSeconds)
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(365);

    /// Up to a day of minutes, up to 30 days of hours, beyond that days.
    public static readonly IReadOnlyList<(TimeSpan Up, int FinestBucket)> Tiers =
        [(TimeSpan.FromDays(1), 60), (TimeSpan.FromDays(30), 3600), (Longest, 86_400)];

    private static readonly DateTime Epoch = DateTime.UnixEpoch;

    /// What the server picks when the request names no bucket: a minute up to an hour, an hour up to 30 days, else a day.
    public static int DefaultBucket(TimeSpan length) =>
        length <= TimeSpan.FromHours(1) ? 60 : length <= TimeSpan.FromDays(30) ? 3600 : 86_400;

    public static int FinestBucket(TimeSpan length) => Tiers.First(tier => length <= tier.Up).FinestBucket;

    /// Each bucket's start and the part of the window it covers. In ticks, so that a window at either end of the
    /// calendar neither overflows nor drifts off the bucket grid; a start before year 1 reads as year 1.
    public IEnumerable<(DateTime Start, DateTime From, DateTime Until)> Buckets()
    {
        var size = BucketSeconds * TimeSpan.TicksPerSecond;
        var (from, to) = (From.Ticks, To.Ticks);
        var sinceEpoch = from - Epoch.Ticks;
        for (var start = from - (((sinceEpoch % size) + size) % size); start < to; start += size)
        {
            yield return (Utc(Math.Max(start, 0)), Utc(Math.Max(start, from)), Utc(Math.Min(start + size, to)));
        }
    }

    private static DateTime Utc(long ticks) => new(ticks, DateTimeKind.Utc);
}
