namespace TigerEmulator.Logs;

/// Deterministic PostgreSQL-style log lines: the same service, node and slot always give the same line.
public static class LogLines
{
    private static readonly (string Severity, string Template)[] Lines =
    [
        ("LOG", "connection received: host=10.0.{0}.{1} port={2}"),
        ("LOG", "connection authorized: user=tsdbadmin database=tsdb application_name=psql"),
        ("LOG", "disconnection: session time: 0:00:{3:00}.{2:000} user=tsdbadmin database=tsdb host=10.0.{0}.{1}"),
        ("LOG", "checkpoint starting: time"),
        ("LOG", "checkpoint complete: wrote {2} buffers ({0}.{1}%); 0 WAL file(s) added, 0 removed, 1 recycled"),
        ("LOG", "automatic vacuum of table \"tsdb.public.metrics\": index scans: 1"),
        ("LOG", "automatic analyze of table \"tsdb.public.metrics\""),
        ("LOG", "duration: {2}.{1} ms  statement: SELECT time_bucket('5 minutes', time) AS bucket, avg(value) FROM metrics GROUP BY bucket"),
        ("INFO", "job {2} (Compression Policy [{2}]) completed successfully"),
        ("INFO", "refreshing continuous aggregate \"metrics_hourly\" in window [2024-01-01, 2024-01-02]"),
        ("WARNING", "there is no transaction in progress"),
        ("ERROR", "relation \"metric\" does not exist at character 15"),
        ("FATAL", "password authentication failed for user \"postgres\""),
    ];

    private static readonly int[] Weights = [20, 20, 18, 6, 6, 5, 5, 8, 4, 3, 2, 2, 1];

    public static LogEntry For(string serviceId, int node, long slot, DateTime timestamp)
    {
        var hash = Mix(serviceId, node, slot);
        var pick = (int)(hash % (ulong)Weights.Sum());
        var index = 0;
        while (pick >= Weights[index])
        {
            pick -= Weights[index++];
        }

        var (severity, template) = Lines[index];
        var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, (hash >> 8) % 256, (hash >> 16) % 256, (hash >> 24) % 60000, (hash >> 40) % 60);
        return new LogEntry(timestamp, message, severity);
    }

    private static ulong Mix(string serviceId, int node, long slot)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in serviceId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= (ulong)node * 0x9E3779B97F4A7C15UL;
        hash ^= (ulong)slot * 0xC2B2AE3D27D4EB4FUL;
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        return hash;
    }
}
