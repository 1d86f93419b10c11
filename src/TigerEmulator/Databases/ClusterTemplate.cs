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
    public const string Revision = "4";

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

        // The cloud's role helpers in tsdb; -j reads statements that span lines, each ended by an empty line. Single-user
        // mode carries on past a failed statement and exits 0, so its output is what tells.
        var helpers = await account.RunAsync(binaries.Postgres, ["--single", "-j", "-D", building, Database], cancellationToken, input: ReadOnlyRoles.Sql);
        if (helpers.Contains("ERROR:", StringComparison.Ordinal))
        {
            throw new DatabaseException($"the template's role helpers failed: {helpers[helpers.IndexOf("ERROR:", StringComparison.Ordinal)..].Split('\n')[0]}");
        }
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

    // The cloud's rules: a password for every client, the emulator's superuser only on the local socket, whose folder
    // only the server's account may enter. Clients arrive on that socket too, through the front (which requires TLS
    // and refuses the superuser's name) or the pooler (run as that account, which logs its clients in with their SCRAM
    // proof); the host lines keep the rule for a server that listens on TCP.
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
