using static TigerEmulator.Logs.TrafficVocabulary;

namespace TigerEmulator.Logs;

/// WARNING, ERROR and FATAL lines. An error carries the statement that caused it, as log_min_error_statement writes it.
internal static class ProblemLines
{
    private static readonly string[] Misspelled = ["condition", "metric", "sensordata", "temprature", "devise_id", "stock_real_time"];

    private static readonly string[] Tokens = ["FORM", "WHERE", ")", "GROUP", "SELCT", "LIMIT"];

    private static readonly string[] Writes = ["INSERT", "UPDATE", "DELETE", "CREATE TABLE"];

    private static readonly string[] Intruders = ["postgres", "admin", "root", "tsdbadmin", "app"];

    public static string Write(TrafficKind kind, LineContext line) => kind switch
    {
        TrafficKind.Warning => Warning(line),
        TrafficKind.Error => $"{Error(line)}\nSTATEMENT:  {Statement(line.Random)}",
        _ => Fatal(line),
    };

    private static string Warning(LineContext line)
    {
        var r = line.Random;
        return r.Number(0, line.Replica ? 1 : 3) switch
        {
            0 => "there is no transaction in progress",
            1 => "there is already a transaction in progress",
            2 => $"checkpoints are occurring too frequently ({r.Number(8, 29)} seconds apart)\n"
                + "HINT:  Consider increasing the configuration parameter \"max_wal_size\".",
            _ => $"nonstandard use of \\' in a string literal at character {r.Number(20, 200)}\n"
                + "HINT:  Use '' to write quotes in strings, or use the escape string syntax (E'...').",
        };
    }

    private static string Error(LineContext line)
    {
        var r = line.Random;
        if (line.Replica && r.Bool(0.5f))
        {
            return r.Bool(0.5f)
                ? "canceling statement due to conflict with recovery\nDETAIL:  User query might have needed to see row versions that must be removed."
                : $"cannot execute {r.ArrayElement(Writes)} in a read-only transaction";
        }

        return r.Number(0, 6) switch
        {
            0 => $"relation \"{r.ArrayElement(Misspelled)}\" does not exist at character {r.Number(15, 60)}",
            1 => $"column \"{r.ArrayElement(Misspelled)}\" does not exist at character {r.Number(8, 40)}",
            2 => $"duplicate key value violates unique constraint \"devices_pkey\"\nDETAIL:  Key (device_id)=({Device(r)}) already exists.",
            3 => $"syntax error at or near \"{r.ArrayElement(Tokens)}\" at character {r.Number(8, 90)}",
            4 => "canceling statement due to statement timeout",
            5 => $"permission denied for table {r.ArrayElement(Tables)}",
            _ => $"deadlock detected\nDETAIL:  Process {r.Number(1000, 65000)} waits for ShareLock on transaction {r.Number(100_000, 9_000_000)}; "
                + $"blocked by process {r.Number(1000, 65000)}.",
        };
    }

    private static string Fatal(LineContext line)
    {
        var r = line.Random;
        var user = r.ArrayElement(Intruders);
        return r.Number(0, line.Replica ? 4 : 3) switch
        {
            0 => $"password authentication failed for user \"{user}\"\n"
                + $"DETAIL:  Connection matched file \"/etc/postgresql/pg_hba.conf\" line {r.Number(10, 20)}: \"hostssl all all all scram-sha-256\"",
            1 => $"no pg_hba.conf entry for host \"{r.Internet.Ip()}\", user \"{user}\", database \"{Database}\", no encryption",
            2 => $"role \"{user}\" does not exist",
            3 => "terminating connection due to idle-in-transaction timeout",
            _ => "terminating connection due to conflict with recovery\nDETAIL:  User was holding a relation lock for too long.",
        };
    }
}
