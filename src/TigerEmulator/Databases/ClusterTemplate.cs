namespace TigerEmulator.Databases;

/// One initdb per databases folder, shaped as the cloud's service is (database tsdb owned by tsdbadmin, who may create
/// roles and databases but is not a superuser), copied for each new service: a copy takes a tenth of an initdb.
public sealed class ClusterTemplate(DatabaseFolders folders, PostgresBinaries binaries, ServerAccount account, ILogger<ClusterTemplate> logger)
{
    /// The emulator's own superuser, reachable only through each server's Unix socket.
    public const string Superuser = "tiger_emulator";
    public const string Database = "tsdb";
    public const string Owner = "tsdbadmin";

    /// Changed whenever what a template holds changes, so that a machine's older template is not taken for this one.
    public const string Revision = "2-pooler";

    private readonly SemaphoreSlim gate = new(1, 1);
    private bool ready;

    public async Task<string> EnsureAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!ready && !File.Exists(Path.Combine(folders.Template, "PG_VERSION")))
            {
                await MakeAsync(cancellationToken);
            }

            ready = true;
            return folders.Template;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task MakeAsync(CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        var building = $"{folders.Template}.{Environment.ProcessId}.new";
        ServerAccount.RemoveTree(building);
        Directory.CreateDirectory(DatabaseFolders.TemporaryParent);
        account.CreateOwnedFolder(building);

        await account.RunAsync(binaries.InitDb, ["-D", building, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"], cancellationToken);

        // Single-user mode creates the cloud's role and database without a server, a port or a socket.
        await account.RunAsync(
            binaries.Postgres,
            ["--single", "-D", building, "postgres"],
            cancellationToken,
            input: $"CREATE ROLE {Owner} LOGIN CREATEROLE CREATEDB;\nCREATE DATABASE {Database} OWNER {Owner};\n");
        WriteOwned(Path.Combine(building, "pg_hba.conf"), HostRules);
        File.AppendAllText(Path.Combine(building, "postgresql.conf"), $"\ninclude_if_exists = '{ServerConfig.FileName}'\n");
        try
        {
            Directory.Move(building, folders.Template);
        }
        catch (IOException) when (Directory.Exists(folders.Template))
        {
            // Another emulator made it meanwhile: theirs serves as well.
            ServerAccount.RemoveTree(building);
        }

        logger.LogInformation("Database template made in {Folder} in {Ms} ms", folders.Template, (int)(DateTime.UtcNow - started).TotalMilliseconds);
    }

    private void WriteOwned(string path, string text)
    {
        File.WriteAllText(path, text);
        account.GiveToAccount(path);
    }

    // The cloud's rules: TLS and a password for every client, nothing without TLS; the emulator's superuser only on
    // the local socket, whose folder only the server's account may enter. The other roles may use the socket with their
    // password: only a pooler (run as that account) reaches it, and logs its clients in with their SCRAM proof.
    private const string HostRules = """
        # Written by the Tiger Emulator.
        local     all          tiger_emulator                trust
        local     replication  tiger_emulator                trust
        local     all          all                           scram-sha-256
        hostssl   all          tiger_emulator  all           reject
        hostssl   all          all             all           scram-sha-256
        hostnossl all          all             all           reject

        """;
}
