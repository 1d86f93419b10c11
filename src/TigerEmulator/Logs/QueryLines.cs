using static TigerEmulator.Logs.TrafficVocabulary;

namespace TigerEmulator.Logs;

/// Lines about statements that took long: log_min_duration_statement, log_temp_files and log_lock_waits.
internal static class QueryLines
{
    private static readonly string[] Executes = ["statement", "statement", "execute <unnamed>", "execute S_1"];

    public static string Write(TrafficKind kind, LineContext line, int pid)
    {
        var r = line.Random;
        return kind switch
        {
            TrafficKind.SlowStatement => $"duration: {Amount(r, 250, 30_000)} ms  {r.ArrayElement(Executes)}: {Statement(r)}",
            TrafficKind.TemporaryFile =>
                $"temporary file: path \"base/pgsql_tmp/pgsql_tmp{pid}.{r.Number(0, 9)}\", size {r.Number(1, 512) * 1_048_576L}\nSTATEMENT:  {Statement(r)}",
            _ => $"process {pid} still waiting for ShareLock on transaction {r.Number(100_000, 9_000_000)} after {Amount(r, 1000, 1001)} ms\n"
                + $"DETAIL:  Process holding the lock: {r.Number(1000, 65000)}. Wait queue: {pid}.\n"
                + $"CONTEXT:  while updating tuple ({r.Number(0, 9000)},{r.Number(1, 60)}) in relation \"devices\"\n"
                + $"STATEMENT:  UPDATE devices SET last_seen = now() WHERE device_id = '{Device(r)}'",
        };
    }
}
