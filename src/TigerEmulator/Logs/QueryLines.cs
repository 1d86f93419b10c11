using static TigerEmulator.Logs.TrafficVocabulary;

namespace TigerEmulator.Logs;

/// Lines about statements that took long: log_min_duration_statement, log_temp_files and log_lock_waits.
internal static class QueryLines
{
    private static readonly string[] Executes = ["statement", "statement", "execute <unnamed>", "execute S_1"];

    public static void Write(TrafficKind kind, LineContext line, int pid)
    {
        var (r, text) = (line.Random, line.Text);
        switch (kind)
        {
            case TrafficKind.SlowStatement:
                text.Append($"duration: {r.Amount(250, 30_000)} ms  {r.Pick(Executes)}: ");
                Statement(line);
                break;
            case TrafficKind.TemporaryFile:
                text.Append($"temporary file: path \"base/pgsql_tmp/pgsql_tmp{pid}.{r.Number(0, 9)}\", size {r.Number(1, 512) * 1_048_576L}\nSTATEMENT:  ");
                Statement(line);
                break;
            default:
                text.Append($"process {pid} still waiting for ShareLock on transaction {r.Number(100_000, 9_000_000)} after {r.Amount(1000, 1001)} ms\n");
                text.Append($"DETAIL:  Process holding the lock: {r.Number(1000, 65000)}. Wait queue: {pid}.\n");
                text.Append($"CONTEXT:  while updating tuple ({r.Number(0, 9000)},{r.Number(1, 60)}) in relation \"devices\"\n");
                text.Append($"STATEMENT:  UPDATE devices SET last_seen = now() WHERE device_id = '{r.Pick(Devices)}'");
                break;
        }
    }
}
