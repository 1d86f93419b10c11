using static TigerEmulator.Logs.TrafficVocabulary;

namespace TigerEmulator.Logs;

/// WARNING, ERROR and FATAL lines. An error carries the statement that caused it, as log_min_error_statement writes it.
internal static class ProblemLines
{
    private static readonly string[] Misspelled = ["condition", "metric", "sensordata", "temprature", "devise_id", "stock_real_time"];

    private static readonly string[] Tokens = ["FORM", "WHERE", ")", "GROUP", "SELCT", "LIMIT"];

    private static readonly string[] Writes = ["INSERT", "UPDATE", "DELETE", "CREATE TABLE"];

    private static readonly string[] Intruders = ["postgres", "admin", "root", "tsdbadmin", "app"];

    public static void Write(TrafficKind kind, LineContext line)
    {
        switch (kind)
        {
            case TrafficKind.Warning:
                Warning(line);
                break;
            case TrafficKind.Error:
                Error(line);
                line.Text.Append("\nSTATEMENT:  "u8);
                Statement(line);
                break;
            default:
                Fatal(line);
                break;
        }
    }

    private static void Warning(LineContext line)
    {
        var (r, text) = (line.Random, line.Text);
        switch (r.Number(0, line.Replica ? 1 : 3))
        {
            case 0:
                text.Append("there is no transaction in progress"u8);
                break;
            case 1:
                text.Append("there is already a transaction in progress"u8);
                break;
            case 2:
                text.Append($"checkpoints are occurring too frequently ({r.Number(8, 29)} seconds apart)\n");
                text.Append("HINT:  Consider increasing the configuration parameter \"max_wal_size\"."u8);
                break;
            default:
                text.Append($"nonstandard use of \\' in a string literal at character {r.Number(20, 200)}\n");
                text.Append("HINT:  Use '' to write quotes in strings, or use the escape string syntax (E'...')."u8);
                break;
        }
    }

    private static void Error(LineContext line)
    {
        var (r, text) = (line.Random, line.Text);
        if (line.Replica && r.Chance(0.5))
        {
            if (r.Chance(0.5))
            {
                text.Append("canceling statement due to conflict with recovery\nDETAIL:  User query might have needed to see row versions that must be removed."u8);
            }
            else
            {
                text.Append($"cannot execute {r.Pick(Writes)} in a read-only transaction");
            }

            return;
        }

        switch (r.Number(0, 6))
        {
            case 0:
                text.Append($"relation \"{r.Pick(Misspelled)}\" does not exist at character {r.Number(15, 60)}");
                break;
            case 1:
                text.Append($"column \"{r.Pick(Misspelled)}\" does not exist at character {r.Number(8, 40)}");
                break;
            case 2:
                text.Append($"duplicate key value violates unique constraint \"devices_pkey\"\nDETAIL:  Key (device_id)=({r.Pick(Devices)}) already exists.");
                break;
            case 3:
                text.Append($"syntax error at or near \"{r.Pick(Tokens)}\" at character {r.Number(8, 90)}");
                break;
            case 4:
                text.Append("canceling statement due to statement timeout"u8);
                break;
            case 5:
                text.Append($"permission denied for table {r.Pick(Tables)}");
                break;
            default:
                text.Append($"deadlock detected\nDETAIL:  Process {r.Number(1000, 65000)} waits for ShareLock on transaction {r.Number(100_000, 9_000_000)}; ");
                text.Append($"blocked by process {r.Number(1000, 65000)}.");
                break;
        }
    }

    private static void Fatal(LineContext line)
    {
        var (r, text) = (line.Random, line.Text);
        var user = r.Pick(Intruders);
        switch (r.Number(0, line.Replica ? 4 : 3))
        {
            case 0:
                text.Append($"password authentication failed for user \"{user}\"\n");
                text.Append($"DETAIL:  Connection matched file \"/etc/postgresql/pg_hba.conf\" line {r.Number(10, 20)}: \"hostssl all all all scram-sha-256\"");
                break;
            case 1:
                text.Append($"no pg_hba.conf entry for host \"{r.Pick(ClientAddresses)}\", user \"{user}\", database \"{Database}\", no encryption");
                break;
            case 2:
                text.Append($"role \"{user}\" does not exist");
                break;
            case 3:
                text.Append("terminating connection due to idle-in-transaction timeout"u8);
                break;
            default:
                text.Append("terminating connection due to conflict with recovery\nDETAIL:  User was holding a relation lock for too long."u8);
                break;
        }
    }
}
