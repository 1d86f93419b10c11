using System.Globalization;

namespace TigerEmulator.Databases.Pooler;

/// Signals to PgBouncer processes, this emulator's or one a killed emulator left behind (sent as the server account,
/// which may signal what it runs).
public static class PgBouncerSignals
{
    /// A process that ended meanwhile needs no signal.
    public static async Task SendAsync(int pid, string signal, ServerAccount account)
    {
        try
        {
            await account.RunAsync("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)], CancellationToken.None);
        }
        catch (DatabaseException) when (!PostgresServer.IsAlive(pid))
        {
        }
    }

    /// Stops a PgBouncer a killed emulator left running from this folder (its pid file names it, and its command line
    /// names this folder's settings), and removes a pid file that would make a new one refuse to start.
    public static async Task StopLeftoverAsync(string pidFile, ServerAccount account)
    {
        if (!File.Exists(pidFile))
        {
            return;
        }

        if (int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            && PostgresServer.IsAlive(pid) && CommandLine(pid).Contains(Path.GetDirectoryName(pidFile)!, StringComparison.Ordinal))
        {
            await SendAsync(pid, "TERM", account);
            var deadline = DateTime.UtcNow + PgBouncer.StopBound;
            while (PostgresServer.IsAlive(pid) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            if (PostgresServer.IsAlive(pid))
            {
                await SendAsync(pid, "KILL", account);
            }
        }

        File.Delete(pidFile);
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
    }
}
