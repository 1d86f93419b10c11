namespace TigerEmulator.Databases;

/// The files of a server's own log, which GET .../logs reads (issue 15, real server logs): PostgreSQL's JSON log in a
/// folder of the service's own (beside the data, so a fork or a base backup never takes its parent's log), rotated by
/// size (settings in ServerConfig). The emulator's own sessions log no statement (see PostgresServer.RunSqlAsync); a
/// client's password in a statement is redacted before the API shows it (Logs/PasswordRedaction).
public static class ServerLogFiles
{
    /// A file is rotated at this size; at each start of the server, and each second while it runs, only the newest
    /// files are kept.
    public const int RotationMegabytes = 10;

    /// Files kept at a start: with the rotation size, the cap on what a server's log takes on disk.
    public const int FilesKept = 5;

    /// Removes all but the newest files of a log folder (names sort by time).
    public static void Prune(string logFolder)
    {
        try
        {
            foreach (var old in Directory.GetFiles(logFolder, "postgresql-*").Order(StringComparer.Ordinal).SkipLast(FilesKept))
            {
                File.Delete(old);
            }
        }
        catch (IOException)
        {
            // The folder went with its service, or is not there yet: nothing to cap.
        }
    }

    /// The newest JSON log file's last FATAL or PANIC messages: once the logging collector runs, a server that fails
    /// to come up says why there, not in pg_ctl's own log.
    public static IEnumerable<string> FatalTail(string logFolder)
    {
        var newest = Directory.Exists(logFolder) ? Directory.GetFiles(logFolder, "postgresql-*.json").Order(StringComparer.Ordinal).LastOrDefault() : null;
        if (newest is null)
        {
            return [];
        }

        return File.ReadLines(newest).TakeLast(40)
            .Select(Parse)
            .Where(line => line is { Severity: "FATAL" or "PANIC" })
            .Select(line => $"{line!.Value.Severity}:  {line.Value.Message}")
            .TakeLast(2)
            .ToList();
    }

    private static (string Severity, string Message)? Parse(string line)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(line);
            return json.RootElement.TryGetProperty("error_severity", out var severity) && json.RootElement.TryGetProperty("message", out var message)
                ? (severity.GetString() ?? "", message.GetString() ?? "")
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
