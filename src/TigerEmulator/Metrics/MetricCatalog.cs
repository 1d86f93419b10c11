using TigerEmulator.Services;
using static TigerEmulator.Metrics.MetricScope;

namespace TigerEmulator.Metrics;

/// The series the emulator serves: the fifteen the contract names (all of which refuse <c>fn</c>), and one counter of
/// its own, <c>timescale_cloud_database_transactions_total</c>, on which <c>fn</c> works, so that clients can exercise
/// it. Job metrics exist only where TimescaleDB runs (not on a plain PostgreSQL service).
internal static class MetricCatalog
{
    private const string System = "timescale_cloud_system_";
    private const string Database = "timescale_cloud_database_";

    private static readonly HashSet<string> NoFunctions = [];

    /// Every function but the percentiles, which need a metric stored as a sketch.
    private static readonly HashSet<string> CounterFunctions = ["RATE", "INCREASE", "SUM", "AVG", "MIN", "MAX", "COUNT", "LAST"];

    public static readonly IReadOnlyList<MetricDefinition> All =
    [
        new(System + "cpu_total_millicores", EachNode, SystemReadings.CpuTotal, NoFunctions),
        new(System + "cpu_usage_millicores", EachNode, SystemReadings.CpuUsage, NoFunctions),
        new(System + "memory_total_bytes", EachNode, SystemReadings.MemoryTotal, NoFunctions),
        new(System + "memory_usage_bytes", EachNode, SystemReadings.MemoryUsage, NoFunctions),
        new(System + "disk_usage_bytes", EachNode, SystemReadings.DiskUsage, NoFunctions) { ReadsServer = true },
        new(System + "disk_io_read_bytes", EachNode, SystemReadings.ReadBytes, NoFunctions),
        new(System + "disk_io_write_bytes", EachNode, SystemReadings.WriteBytes, NoFunctions),
        new(System + "disk_io_total_bytes", EachNode, SystemReadings.TotalBytes, NoFunctions),
        new(System + "disk_io_read_ops", EachNode, SystemReadings.ReadOps, NoFunctions),
        new(System + "disk_io_write_ops", EachNode, SystemReadings.WriteOps, NoFunctions),
        new(System + "disk_io_total_ops", EachNode, SystemReadings.TotalOps, NoFunctions),
        new(Database + "qps", PrimaryNode, DatabaseReadings.Qps, NoFunctions),
        new(Database + "num_connections", PrimaryNode, DatabaseReadings.Connections, NoFunctions) { ReadsServer = true },
        new(Database + "job_duration_usecs", Jobs, DatabaseReadings.JobDuration, NoFunctions),
        new(Database + "job_success", Jobs, DatabaseReadings.JobSuccess, NoFunctions),
        new(Database + "transactions_total", PrimaryNode, DatabaseReadings.TransactionRate, CounterFunctions) { IsCounter = true },
    ];

    public static IEnumerable<MetricDefinition> For(ServiceDocument service) =>
        All.Where(metric => metric.Scope != Jobs || RunsTimescale(service));

    public static MetricDefinition? Find(ServiceDocument service, string name) => For(service).FirstOrDefault(metric => metric.Name == name);

    private static bool RunsTimescale(ServiceDocument service) => service.ServiceType != "POSTGRES";
}
