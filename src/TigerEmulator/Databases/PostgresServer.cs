namespace TigerEmulator.Databases;

/// One service's PostgreSQL server: its cluster folder (data, the socket folder, the server's own log) and the
/// pg_ctl calls that start and stop it. pg_ctl start -w returns only once the server accepts connections.
public sealed class PostgresServer(string serviceId, int port, string folder, PostgresBinaries binaries, ServerAccount account)
{
    // The log is capped: at each start a log over this size becomes server.log.1, replacing the one before.
    private const long LogCap = 1 << 20;

    public string ServiceId => serviceId;

    /// The socket's port number; for a server that answers an endpoint (a primary, a read replica set), the number of the
    /// public port the front answers for it too.
    public int Port => port;

    /// 0 for a service's primary, then its HA standbys (1, 2), then its read replica sets' standbys: what a node of the
    /// service's logs names.
    public int Node { get; init; }

    /// What the emulator's log calls it: "service …", "HA replica 1 of service …", "read replica set … of service …".
    public string Label { get; init; } = $"service {serviceId}";

    /// Whether the server answers an endpoint of its own (a primary, a read replica set) or none (an HA standby).
    public bool AnswersEndpoint { get; init; } = true;

    /// The primary a standby streams from, and the name it gives itself there; null for a primary.
    public StandbySource? Source { get; set; }

    /// The names of the standbys whose flush a commit on this primary waits for (one of them): its HA standbys.
    public IReadOnlyList<string> SyncStandbys { get; set; } = [];

    public string Folder => folder;

    public string DataFolder => Path.Combine(folder, "data");

    /// What pg_ctl writes before the logging collector takes over: a server that cannot start says why here.
    public string LogFile => Path.Combine(folder, "server.log");

    /// The server's own log once it runs: PostgreSQL's JSON log files (see ServerLogFiles).
    public string LogFolder => Path.Combine(folder, "log");

    /// Unix socket paths are limited to about 100 bytes: a deep data folder moves the socket under /tmp.
    public string SocketFolder =>
        Path.Combine(folder, "socket") is var inside && inside.Length + 16 <= 100
            ? inside
            : Path.Combine(Path.GetTempPath(), "tiger-emulator-sockets", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(folder)))[..16]);

    /// Guards the server's steps: one start, stop or removal at a time.
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// The emulator wants it running (the crash watch restarts only those).
    public bool ShouldRun { get; set; }

    public string State { get; set; } = "stopped";

    /// Where a password changed while the server was down waits for its next start, as a SCRAM verifier (never the
    /// password itself): a restart of the emulator in between keeps it.
    public string PendingPasswordFile => Path.Combine(folder, "pending-password");

    /// The postmaster's process id while it runs: the pid file's, when that process is alive and is this cluster's.
    public int? Pid => ReadPid() is { } pid && IsAlive(pid) && Serves(pid) ? pid : null;

    public string ArchiveFolder => Path.Combine(folder, "wal-archive");

    /// When the newest snapshot was taken, on the emulated clock (see <see cref="ServiceSnapshots"/>).
    public DateTime? LastSnapshot { get; set; }

    /// Recovery settings for the next start only: a PITR fork's replay to its target.
    public IReadOnlyList<string> Recovery { get; set; } = [];

    /// The service's type (TIMESCALEDB, VECTOR, POSTGRES), which decides its extensions.
    public string ServiceType { get; set; } = "";

    /// Its type's extensions: those created in tsdb at each start, and those the binaries lack.
    public ExtensionPlan Extensions { get; set; } = ExtensionPlan.None;

    public async Task StartAsync((string Certificate, string Key) tls, string listenAddress, CancellationToken cancellationToken)
    {
        account.CreateOwnedFolder(SocketFolder);
        account.CreateOwnedFolder(ArchiveFolder);
        account.CreateOwnedFolder(LogFolder);
        WriteConfig(tls, listenAddress);
        CapLog();
        ServerLogFiles.Prune(LogFolder);
        await StopOrphanAsync(cancellationToken);
        try
        {
            await account.RunAsync(binaries.PgCtl, ["start", "-w", "-t", "30", "-s", "-D", DataFolder, "-l", LogFile], cancellationToken);
        }
        catch (DatabaseException failure)
        {
            // pg_ctl only says to look at the log: the reason is its last lines.
            throw new DatabaseException($"{failure.Message} {LogTail()}");
        }

        if (Recovery.Count > 0)
        {
            await WaitPromotedAsync(cancellationToken);
            Recovery = [];
        }

        State = "running";
    }

    /// Rewrites the server's settings (a primary's synchronous standbys change with its HA count) and has it reload them.
    public async Task ReloadAsync((string Certificate, string Key) tls, string listenAddress, CancellationToken cancellationToken)
    {
        WriteConfig(tls, listenAddress);
        await RunSqlAsync("select pg_reload_conf();\n", new Dictionary<string, string>(), cancellationToken);
    }

    /// Sends SIGKILL to the postmaster, as a crashed machine would end it, and waits (bounded) until it is gone.
    public async Task KillAsync(CancellationToken cancellationToken)
    {
        if (Pid is not { } pid)
        {
            return;
        }

        await account.RunAsync("kill", ["-KILL", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (IsAlive(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10, cancellationToken);
        }

        State = "killed";
    }

    /// A clean shutdown (fast: open sessions are ended); nothing to do for a server that is not running.
    public async Task StopAsync(bool immediate, CancellationToken cancellationToken)
    {
        State = "stopped";
        if (Pid is null)
        {
            return;
        }

        await account.RunAsync(binaries.PgCtl, ["stop", "-w", "-t", "30", "-s", "-D", DataFolder, "-m", immediate ? "immediate" : "fast"], cancellationToken);
    }

    /// Runs SQL as the emulator's superuser over the local socket; psql variables given in the environment are read
    /// with \getenv and quoted by psql itself (:'name'), so no value is ever spliced into the SQL text. The session
    /// logs no statement, even one that fails: it may set a password, and the server's log is shown by the API.
    public Task<string> RunSqlAsync(string sql, IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken, string database = "postgres")
    {
        var script = "SET log_min_error_statement = panic;\n" + string.Concat(variables.Keys.Select(name => $"\\getenv {name} {name}\n")) + sql;
        return account.RunAsync(
            binaries.Psql,
            ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", SocketFolder, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", ClusterTemplate.Superuser, "-d", database],
            cancellationToken,
            input: script,
            environment: variables);
    }

    private void WriteConfig((string Certificate, string Key) tls, string listenAddress) =>
        ServerConfig.Write(
            DataFolder,
            new ServerAddress(listenAddress, port, SocketFolder, ArchiveFolder) { Recovery = Recovery, Replication = StandbySource.Settings(this), Preload = [.. Extensions.PreloadLibraries()], LogFolder = LogFolder },
            tls,
            account);

    // A server replaying WAL answers read-only until it reaches its target and promotes itself; a password can be set
    // only after.
    private async Task WaitPromotedAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                if ((await RunSqlAsync("select pg_is_in_recovery();\n", new Dictionary<string, string>(), cancellationToken)).Trim() == "f")
                {
                    return;
                }
            }
            catch (DatabaseException) when (DateTime.UtcNow < deadline)
            {
                // Not accepting connections yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new DatabaseException($"the server did not finish its point-in-time recovery within a minute; see {LogFile}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    // A server left running by an emulator that was killed holds this folder: it is ours, so it is stopped. A pid file
    // whose process is gone, or is another program now, is left for the server to replace.
    private async Task StopOrphanAsync(CancellationToken cancellationToken)
    {
        if (Pid is not null)
        {
            await account.RunAsync(binaries.PgCtl, ["stop", "-w", "-t", "30", "-s", "-D", DataFolder, "-m", "immediate"], cancellationToken);
        }
        else
        {
            // A server killed outside leaves its lock files; its own check would take a zombie's pid for a live one.
            File.Delete(Path.Combine(DataFolder, "postmaster.pid"));
            foreach (var stale in Directory.EnumerateFiles(SocketFolder, ".s.PGSQL.*"))
            {
                File.Delete(stale);
            }
        }
    }

    // Where /proc is there to ask, the process must name this cluster's data folder on its command line.
    private bool Serves(int pid)
    {
        var path = $"/proc/{pid}/cmdline";
        try
        {
            return !File.Exists(path) || File.ReadAllText(path).Contains(DataFolder, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private string LogTail()
    {
        try
        {
            var lines = File.Exists(LogFile) ? File.ReadLines(LogFile).TakeLast(40).ToList() : [];
            var fatal = lines.Where(line => line.Contains("FATAL:", StringComparison.Ordinal) || line.Contains("PANIC:", StringComparison.Ordinal))
                .Concat(ServerLogFiles.FatalTail(LogFolder)).TakeLast(2).ToList();
            return string.Join(" | ", (fatal.Count > 0 ? fatal : lines.TakeLast(3)).Select(line => line.Length > 300 ? line[..300] : line));
        }
        catch (IOException)
        {
            return "";
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

    private int? ReadPid()
    {
        try
        {
            var first = File.ReadLines(Path.Combine(DataFolder, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// True for a live process; a zombie (a server killed and not yet reaped) counts as gone.
    public static bool IsAlive(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (Directory.Exists("/proc/self"))
        {
            try
            {
                var text = File.ReadAllText(stat);
                var state = text[(text.LastIndexOf(')') + 2)..];
                return !state.StartsWith('Z') && !state.StartsWith('X');
            }
            catch (IOException)
            {
                return false;
            }
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
