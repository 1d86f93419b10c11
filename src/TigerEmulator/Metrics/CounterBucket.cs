namespace TigerEmulator.Metrics;

/// A counter's value in one bucket under each aggregation function, in closed form: within a run the counter grows at
/// a fixed rate from zero, so its scrapes form an arithmetic series and no scrape is visited one by one.
internal static class CounterBucket
{
    /// <paramref name="rateOf"/> gives a run's per-second rate; <paramref name="seconds"/> is the bucket's part of the window.
    public static double Of(string function, IReadOnlyList<ScrapeRange> ranges, Func<DatabaseRun, double> rateOf, double seconds)
    {
        double ValueAt(ScrapeRange range, DateTime at) => rateOf(range.Run) * (at - range.Run.Start).TotalSeconds;

        var count = ranges.Sum(range => range.Count);
        var sum = ranges.Sum(range => range.Count * ValueAt(range, range.First + ((range.Last - range.First) / 2)));

        // Counter-reset-aware: each run's increase is counted from its own zero, over the scraped part of the bucket.
        var increase = ranges.Sum(range => ValueAt(range, range.Last) - ValueAt(range, range.First));
        return function switch
        {
            "RATE" => increase / seconds,
            "INCREASE" => increase,
            "SUM" => sum,
            "AVG" => sum / count,
            "MIN" => ranges.Min(range => ValueAt(range, range.First)),
            "MAX" => ranges.Max(range => ValueAt(range, range.Last)),
            "COUNT" => count,
            _ => ValueAt(ranges[^1], ranges[^1].Last),
        };
    }
}
