using System.Diagnostics;
using System.Net.Sockets;

namespace TigerEmulator.Databases.Pooler;

/// One PgBouncer process in front of one server, its files in that server's folder. It runs in the foreground as the
/// emulator's child (as the server account when the emulator is root), so the emulator knows at once when it ends;
/// its pid file lets a later emulator stop one that a killed emulator left behind.
public sealed class PgBouncer(string ownerId, string folder, PgBouncerProgram program, ServerAccount account)
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan StopBound = TimeSpan.FromSeconds(10);

    // As the server's: at each start a log over this size becomes pgbouncer.log.1, replacing the one before.
    private const long LogCap = 1 << 20;

    private Process? process;

    public string OwnerId => ownerId;

    public int? Port { get; private set; }

    /// The server it was last started in front of: the crash watch starts it again there.
    public PostgresServer? Server { get; set; }

    /// stopped, running, or failed (the reason in the emulator's log and the pooler's own).
    public string State { get; set; } = "stopped";

    public int? Pid => process is { HasExited: false } running ? running.Id : null;

    public string LogFile => Path.Combine(folder, PoolerConfig.LogFile);

    /// One start, stop or reload at a time.
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// Starts it unless it runs; done once it accepts connections on its port.
    public async Task StartAsync(PoolerAddress address, (string Certificate, string Key) tls, string ownerVerifier, CancellationToken cancellationToken)
    {
        if (Pid is not null)
        {
            return;
        }

        await PgBouncerSignals.StopLeftoverAsync(Path.Combine(folder, PoolerConfig.PidFile), account);
        CapLog();
        PoolerConfig.WriteUsers(folder, ownerVerifier, account);
        var settings = PoolerConfig.Write(folder, address, tls, account);
        Port = address.Port;
        process?.Dispose();
        process = account.Launch(program.Path, ["-q", settings]);
        await WaitListeningAsync(address, cancellationToken);
        State = "running";
    }

    /// Ends every client's connection and the process; nothing to do when it is not running.
    public async Task StopAsync()
    {
        State = "stopped";
        if (process is not { } running)
        {
            return;
        }

        process = null;
        if (!running.HasExited)
        {
            await PgBouncerSignals.SendAsync(running.Id, "TERM", account);
            using var bound = new CancellationTokenSource(StopBound);
            try
            {
                await running.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                running.Kill();
            }
        }

        running.Dispose();
    }

    /// A new owner's verifier (the password changed): rewritten, and read again by the running process before this
    /// returns, so that the new password works through the pooler as soon as the client hears the change answered.
    public async Task ReloadAsync(string ownerVerifier)
    {
        PoolerConfig.WriteUsers(folder, ownerVerifier, account);
        if (Pid is not { } pid)
        {
            return;
        }

        // A signal is handled later, on PgBouncer's one thread, which logs it and then reads its files before it
        // serves another client: the logged line is the sign that the new verifier is in force.
        var before = Reloads();
        await PgBouncerSignals.SendAsync(pid, "HUP", account);
        var deadline = DateTime.UtcNow + StopBound;
        while (Reloads() == before && Pid is not null)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new DatabaseException($"PgBouncer did not read its files again within {StopBound.TotalSeconds} s: {LogTail()}");
            }

            await Task.Delay(20);
        }
    }

    // Listening is the one sign that it is ready; an early exit (a port taken, a bad file) is reported with its log.
    private async Task WaitListeningAsync(PoolerAddress address, CancellationToken cancellationToken)
    {
        var host = address.Listen == "0.0.0.0" ? "127.0.0.1" : address.Listen;
        var deadline = DateTime.UtcNow + StartBound;
        while (true)
        {
            if (process is not { HasExited: false })
            {
                throw new DatabaseException($"PgBouncer ended at start: {LogTail()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(host, address.Port, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (SocketException)
            {
                await StopAsync();
                throw new DatabaseException($"PgBouncer did not listen on port {address.Port} within {StartBound.TotalSeconds} s: {LogTail()}");
            }
        }
    }

    // How many reloads PgBouncer has logged so far.
    private int Reloads()
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var count = 0;
            while (reader.ReadLine() is { } line)
            {
                count += line.Contains("got SIGHUP", StringComparison.Ordinal) ? 1 : 0;
            }

            return count;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private void CapLog()
    {
        var log = new FileInfo(LogFile);
        if (log.Exists && log.Length > LogCap)
        {
            log.MoveTo(LogFile + ".1", overwrite: true);
        }
    }

    private string LogTail()
    {
        try
        {
            return string.Join(" | ", File.ReadLines(LogFile).TakeLast(3));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }
}
