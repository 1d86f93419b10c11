namespace TigerEmulator.Metrics;

/// The database's own gauges at one scrape: queries, connections, and the last run of each TimescaleDB job.
internal static class DatabaseReadings
{
    /// TimescaleDB's own jobs on a new service: 1 is the telemetry reporter, 2 the job history retention policy.
    public static readonly int[] Jobs = [1, 2];

    public static double Qps(Scrape scrape) => Math.Round(scrape.Size.Cores * 40 * (0.5 + scrape.Noise(6)), 2);

    /// A real server's own count of client connections (pg_stat_activity), else generated.
    public static double Connections(Scrape scrape) => scrape.Server?.Connections ?? 3 + Math.Floor(scrape.Noise(7) * (10 + (20 * scrape.Size.Cores)));

    /// Transactions a second, the rate of the transactions counter.
    public static double TransactionRate(Scrape scrape) => Math.Round(scrape.Size.Cores * 60 * (0.5 + scrape.Noise(8)), 2);

    public static double JobDuration(Scrape scrape) =>
        Math.Round((scrape.Job == 1 ? 150_000 : 12_000) * (0.8 + (0.4 * scrape.Noise(100 + scrape.Job))));

    /// 1 for a job whose last run succeeded; about one scrape in fifty sees a failed run.
    public static double JobSuccess(Scrape scrape) => scrape.Noise(200 + scrape.Job) < 0.02 ? 0 : 1;
}
