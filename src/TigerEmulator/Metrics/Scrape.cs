using TigerEmulator.Logs;

namespace TigerEmulator.Metrics;

/// What one scrape of one series sees: the moment, the service's size then, how long its database has run so far, and
/// a hash naming the series, from which every value is drawn so the same request always gets the same answer.
/// <c>Server</c> holds the service's real figures at that scrape, when it has a real server that was sampled by then.
internal readonly record struct Scrape(DateTime At, MetricSize Size, double RunningSeconds, ulong ServiceHash, ulong SeriesHash, int Job, RealServers.ServerFigures? Server = null)
{
    /// A number in [0, 1) for this series, scrape and quantity.
    public double Noise(int quantity) => SlotHash.Uniform(SlotHash.Mix(SlotHash.Mix(SeriesHash, quantity), At.Ticks));

    /// A number in [0, 1) fixed for the whole service: the same on every node and at every scrape.
    public double ServiceConstant(int quantity) => SlotHash.Uniform(SlotHash.Mix(ServiceHash, quantity));
}

/// The size a service had at some moment, as the metrics report it. A shared-resource service reports a quarter of a
/// CPU and 1 GiB of memory: the emulator's choice, since the contract gives shared services no numbers.
internal readonly record struct MetricSize(double CpuMillicores, double MemoryBytes)
{
    public const double SharedCpuMillicores = 250;
    public const double SharedMemoryBytes = 1L << 30;

    public double Cores => CpuMillicores / 1000;

    public static MetricSize Of(int? cpuMillis, int? memoryGbs) =>
        new(cpuMillis ?? SharedCpuMillicores, memoryGbs is { } gbs ? gbs * (double)(1L << 30) : SharedMemoryBytes);
}
