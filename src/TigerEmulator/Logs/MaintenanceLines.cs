using static TigerEmulator.Logs.TrafficVocabulary;

namespace TigerEmulator.Logs;

/// Lines of the database looking after itself: checkpoints (restartpoints on a replica), autovacuum, autoanalyze and
/// TimescaleDB's background jobs.
internal static class MaintenanceLines
{
    private static readonly string[] CheckpointCauses = ["time", "time", "time", "wal"];

    private static readonly string[] Policies = ["Compression Policy", "Retention Policy", "Refresh Continuous Aggregate Policy"];

    public static string Write(TrafficKind kind, LineContext line)
    {
        var r = line.Random;
        var point = line.Replica ? "restartpoint" : "checkpoint";
        return kind switch
        {
            TrafficKind.CheckpointStarting => $"{point} starting: {r.ArrayElement(CheckpointCauses)}",
            TrafficKind.CheckpointComplete => CheckpointComplete(line, point),
            TrafficKind.AutoVacuum => $"automatic vacuum of table \"{Table(r)}\": index scans: {r.Number(0, 1)}\n"
                + $"\tpages: 0 removed, {r.Number(100, 90_000)} remain, {r.Number(10, 5000)} scanned\n"
                + $"\ttuples: {r.Number(0, 50_000)} removed, {r.Number(10_000, 9_000_000)} remain, 0 are dead but not yet removable\n"
                + $"\tsystem usage: CPU: user: {Amount(r, 0, 2)} s, system: {Amount(r, 0, 0.5)} s, elapsed: {Amount(r, 0.1, 9)} s",
            TrafficKind.AutoAnalyze => $"automatic analyze of table \"{Table(r)}\"\n"
                + $"\tavg read rate: {Amount(r, 0, 80)} MB/s, avg write rate: {Amount(r, 0, 5)} MB/s\n"
                + $"\tsystem usage: CPU: user: {Amount(r, 0, 1)} s, system: {Amount(r, 0, 0.2)} s, elapsed: {Amount(r, 0.05, 4)} s",
            TrafficKind.RecoveryRestartPoint => $"recovery restart point at {line.Lsn(r.Number(1, 300))}\n"
                + $"DETAIL:  Last completed transaction was at log time {line.Timestamp.AddMilliseconds(-r.Number(5, 5000)):yyyy-MM-dd HH:mm:ss.ffffff}+00.",
            _ => TimescaleJob(line),
        };
    }

    private static string CheckpointComplete(LineContext line, string point)
    {
        var r = line.Random;
        var buffers = r.Number(20, 16_000);
        var write = r.Double(0.1, 9.5);
        return $"{point} complete: wrote {buffers} buffers ({buffers / 163.84:0.0}%); 0 WAL file(s) added, {r.Number(0, 3)} removed, {r.Number(0, 6)} recycled; "
            + $"write={write:0.000} s, sync={Amount(r, 0, 0.05)} s, total={write + 0.05:0.000} s; sync files={r.Number(2, 120)}, longest={Amount(r, 0, 0.01)} s, "
            + $"average={Amount(r, 0, 0.002)} s; distance={r.Number(100, 90_000)} kB, estimate={r.Number(10_000, 90_000)} kB; "
            + $"lsn={line.Lsn()}, redo lsn={line.Lsn(write + 1)}";
    }

    private static string TimescaleJob(LineContext line)
    {
        var r = line.Random;
        var policy = r.Number(0, Policies.Length - 1);
        if (policy == 2 && r.Bool(0.5f))
        {
            var end = new DateTime(line.Timestamp.Ticks - (line.Timestamp.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
            return $"refreshing continuous aggregate \"{r.ArrayElement(Aggregates)}\" in window [ {end.AddHours(-r.Number(1, 24)):yyyy-MM-dd HH:mm:ss}+00, {end:yyyy-MM-dd HH:mm:ss}+00 ]";
        }

        var job = 1000 + policy;
        return $"job {job} ({Policies[policy]} [{job}]) exiting with success: execution time {Amount(r, 3, 9000)} ms";
    }
}
