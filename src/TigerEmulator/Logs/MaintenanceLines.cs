using static TigerEmulator.Logs.TrafficVocabulary;

namespace TigerEmulator.Logs;

/// Lines of the database looking after itself: checkpoints (restartpoints on a replica), autovacuum, autoanalyze and
/// TimescaleDB's background jobs.
internal static class MaintenanceLines
{
    private static readonly string[] CheckpointCauses = ["time", "time", "time", "wal"];

    private static readonly string[] Policies = ["Compression Policy", "Retention Policy", "Refresh Continuous Aggregate Policy"];

    public static void Write(TrafficKind kind, LineContext line)
    {
        var (r, text) = (line.Random, line.Text);
        var point = line.Replica ? "restartpoint" : "checkpoint";
        switch (kind)
        {
            case TrafficKind.CheckpointStarting:
                text.Append($"{point} starting: {r.Pick(CheckpointCauses)}");
                break;
            case TrafficKind.CheckpointComplete:
                CheckpointComplete(line, point);
                break;
            case TrafficKind.AutoVacuum:
                text.Append("automatic vacuum of table \""u8);
                Table(line);
                text.Append($"\": index scans: {r.Number(0, 1)}\n");
                text.Append($"\tpages: 0 removed, {r.Number(100, 90_000)} remain, {r.Number(10, 5000)} scanned\n");
                text.Append($"\ttuples: {r.Number(0, 50_000)} removed, {r.Number(10_000, 9_000_000)} remain, 0 are dead but not yet removable\n");
                text.Append($"\tsystem usage: CPU: user: {r.Amount(0, 2)} s, system: {r.Amount(0, 0.5)} s, elapsed: {r.Amount(0.1, 9)} s");
                break;
            case TrafficKind.AutoAnalyze:
                text.Append("automatic analyze of table \""u8);
                Table(line);
                text.Append($"\"\n\tavg read rate: {r.Amount(0, 80)} MB/s, avg write rate: {r.Amount(0, 5)} MB/s\n");
                text.Append($"\tsystem usage: CPU: user: {r.Amount(0, 1)} s, system: {r.Amount(0, 0.2)} s, elapsed: {r.Amount(0.05, 4)} s");
                break;
            case TrafficKind.RecoveryRestartPoint:
                text.Append($"recovery restart point at {line.Lsn(r.Number(1, 300))}\n");
                text.Append($"DETAIL:  Last completed transaction was at log time {line.Timestamp.AddMilliseconds(-r.Number(5, 5000)):yyyy-MM-dd HH:mm:ss.ffffff}+00.");
                break;
            default:
                TimescaleJob(line);
                break;
        }
    }

    private static void CheckpointComplete(LineContext line, string point)
    {
        var (r, text) = (line.Random, line.Text);
        var buffers = r.Number(20, 16_000);
        var write = r.Amount(0.1, 9.5);
        text.Append($"{point} complete: wrote {buffers} buffers ({buffers / 163.84:0.0}%); 0 WAL file(s) added, {r.Number(0, 3)} removed, {r.Number(0, 6)} recycled; ");
        text.Append($"write={write} s, sync={r.Amount(0, 0.05)} s, total={write + 0.05} s; sync files={r.Number(2, 120)}, longest={r.Amount(0, 0.01)} s, ");
        text.Append($"average={r.Amount(0, 0.002)} s; distance={r.Number(100, 90_000)} kB, estimate={r.Number(10_000, 90_000)} kB; ");
        text.Append($"lsn={line.Lsn()}, redo lsn={line.Lsn(write.Seconds + 1)}");
    }

    private static void TimescaleJob(LineContext line)
    {
        var (r, text) = (line.Random, line.Text);
        var policy = r.Number(0, Policies.Length - 1);
        if (policy == 2 && r.Chance(0.5))
        {
            var end = new DateTime(line.Timestamp.Ticks - (line.Timestamp.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
            text.Append($"refreshing continuous aggregate \"{r.Pick(Aggregates)}\" in window ");
            text.Append($"[ {end.AddHours(-r.Number(1, 24)):yyyy-MM-dd HH:mm:ss}+00, {end:yyyy-MM-dd HH:mm:ss}+00 ]");
            return;
        }

        var job = 1000 + policy;
        text.Append($"job {job} ({Policies[policy]} [{job}]) exiting with success: execution time {r.Amount(3, 9000)} ms");
    }
}
