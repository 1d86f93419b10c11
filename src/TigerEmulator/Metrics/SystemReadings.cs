namespace TigerEmulator.Metrics;

/// The host's gauges at one scrape: CPU and memory within the service's size at the time, storage that only grows
/// while the database runs, and disk traffic in proportion to the CPUs. Rates are per second over the last minute.
internal static class SystemReadings
{
    /// An empty database with its extensions, before any data.
    private const double EmptyDatabaseBytes = 32L << 20;

    /// Between 2 KiB and 20 KiB a second of running time, fixed for the service: 170 MB to 1.7 GB a day.
    private const double GrowthFloor = 2048;
    private const double GrowthSpread = 18432;

    /// One page of PostgreSQL I/O for every 8 KiB.
    private const double PageBytes = 8192;

    public static double CpuTotal(Scrape scrape) => scrape.Size.CpuMillicores;

    public static double CpuUsage(Scrape scrape) => Math.Round(scrape.Size.CpuMillicores * (0.05 + (0.6 * scrape.Noise(1))), 1);

    public static double MemoryTotal(Scrape scrape) => scrape.Size.MemoryBytes;

    public static double MemoryUsage(Scrape scrape) => Math.Floor(scrape.Size.MemoryBytes * (0.25 + (0.45 * scrape.Noise(2))));

    /// Replicas hold the same data as the primary, so the growth is the service's, not the node's; a real server's
    /// figure is its database's size (pg_database_size), on every node.
    public static double DiskUsage(Scrape scrape) => scrape.Server?.DatabaseBytes ??
        EmptyDatabaseBytes + Math.Floor((GrowthFloor + (GrowthSpread * scrape.ServiceConstant(3))) * scrape.RunningSeconds);

    public static double ReadBytes(Scrape scrape) => Math.Round(scrape.Size.Cores * 4_000_000 * scrape.Noise(4));

    public static double WriteBytes(Scrape scrape) => Math.Round(scrape.Size.Cores * 2_000_000 * scrape.Noise(5));

    public static double TotalBytes(Scrape scrape) => ReadBytes(scrape) + WriteBytes(scrape);

    public static double ReadOps(Scrape scrape) => Math.Round(ReadBytes(scrape) / PageBytes);

    public static double WriteOps(Scrape scrape) => Math.Round(WriteBytes(scrape) / PageBytes);

    public static double TotalOps(Scrape scrape) => ReadOps(scrape) + WriteOps(scrape);
}
