using System.Diagnostics;
using System.Net;
using Npgsql;
using TigerEmulator.Databases;
using TigerEmulator.Databases.Pooler;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// The connection pooler is a real PgBouncer in transaction mode on the service's pooler endpoint: TLS required, the
/// server's own credentials, and a life that follows the flag and the service's status.
[Trait("Category", "Database")]
public sealed class PoolerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task HealthAndTheDatabasesList_SayWhichPgBouncerRunsThePoolers()
    {
        using var emulator = new DatabaseEmulator(output);
        using var control = emulator.Factory.CreateClient();

        var health = await control.GetJsonAsync("/_emulator/health");
        var pooler = (await emulator.DatabasesAsync())["pooler"]!;

        Assert.True((bool)health["pooler"]!);
        Assert.True((bool)pooler["enabled"]!);
        Assert.Matches(@"^PgBouncer \d+\.\d+\.\d+ from /.*pgbouncer$", (string?)pooler["description"]);
    }

    [Fact]
    public void TheProgram_IsFoundInTheFolderOrFileTheSettingNames_AndNowhereElse()
    {
        var found = PgBouncerProgram.Find(null, out _)!;

        Assert.Equal(found, PgBouncerProgram.Find(found.Path, out _));
        Assert.Equal(found, PgBouncerProgram.Find(Path.GetDirectoryName(found.Path), out _));
        Assert.Null(PgBouncerProgram.Find("/nowhere", out var looked));
        Assert.Equal(["/nowhere"], looked);
    }

    [Fact]
    public async Task EnablePooler_APooledTransactionRunsThroughPgBouncer_AndShowPoolsOnItsConsoleShowsThePool()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, direct) = await emulator.ReadyServiceAsync();

        var pooled = await EnableAsync(emulator, id, direct);

        await using (var session = new NpgsqlConnection(pooled))
        {
            await session.OpenAsync();
            await using var transaction = await session.BeginTransactionAsync();
            await new NpgsqlCommand("create table pooled(n int); insert into pooled values (5)", session, transaction).ExecuteNonQueryAsync();

            // PgBouncer reaches the server over its Unix socket: the session has no server port; TLS is PgBouncer's.
            Assert.True((bool)(await new NpgsqlCommand("select inet_server_port() is null", session, transaction).ExecuteScalarAsync())!);
            await transaction.CommitAsync();
        }

        Assert.Equal(5, await DatabaseEmulator.ScalarAsync<int>(direct, "select n from pooled"));
        var pool = (await ConsoleAsync(pooled, "SHOW POOLS")).Single(row => row.StartsWith("tsdb|tsdbadmin|", StringComparison.Ordinal));
        Assert.EndsWith("|transaction", pool);
        var shown = (await emulator.DatabaseOfAsync(id))["pooler"]!;
        Assert.Equal((PortOf(pooled), "running"), ((int)shown["port"]!, (string?)shown["state"]));
        Assert.Single(PgBouncersUnder(Root(await emulator.DatabaseOfAsync(id))));
    }

    [Fact]
    public async Task ReplicaSetPooler_RunsReadsThroughPgBouncerInFrontOfTheStandby_RefusesWrites_AndStopsWhenDisabled()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, direct) = await emulator.ReadyServiceAsync();
        await DatabaseEmulator.ExecuteAsync(direct, "create table upstream(n int); insert into upstream values (8)");
        var (setId, replica) = await emulator.ActiveReplicaSetAsync(id, DatabaseEmulator.PasswordOf(direct));
        var setPath = $"{emulator.Seeder.ServicePath(id)}/replicaSets/{setId}";

        var response = await emulator.Client.PostAsync($"{setPath}/enablePooler", null);
        Assert.Equal("""{"message":"Connection pooler enabled"}""", (await response.ReadJsonAsync()).ToJsonString());
        var endpoint = (await emulator.ReplicaSetAsync(id, setId))["connection_pooler"]!["endpoint"]!;
        var pooled = new NpgsqlConnectionStringBuilder(replica) { Port = (int)endpoint["port"]! }.ConnectionString;
        Assert.Equal(PortOf(replica) + 1, PortOf(pooled));

        await DatabaseEmulator.EventuallyAsync(async () => await DatabaseEmulator.ScalarAsync<int>(pooled, "select count(*)::int from upstream") == 1, "the pooled replica reads the row", seconds: 10);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => DatabaseEmulator.ExecuteAsync(pooled, "insert into upstream values (9)"));
        Assert.Equal(("25006", "cannot execute INSERT in a read-only transaction"), (refused.SqlState, refused.MessageText));
        var shown = (await emulator.StandbysOfAsync(id)).Single()["pooler"]!;
        Assert.Equal((PortOf(pooled), "running"), ((int)shown["port"]!, (string?)shown["state"]));

        response = await emulator.Client.PostAsync($"{setPath}/disablePooler", null);
        Assert.Equal("""{"message":"Connection pooler disabled"}""", (await response.ReadJsonAsync()).ToJsonString());
        await DatabaseEmulator.AssertNothingListensAsync(pooled);
        Assert.Equal("stopped", (string?)(await emulator.StandbysOfAsync(id)).Single()["pooler"]!["state"]);
    }

    [Fact]
    public async Task Pooler_RefusesAWrongPassword_AClientWithoutTls_AndTheEmulatorsSuperuser()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, direct) = await emulator.ReadyServiceAsync();
        var pooled = new NpgsqlConnectionStringBuilder(await EnableAsync(emulator, id, direct));

        var wrong = await DatabaseEmulator.RefusedAsync(new NpgsqlConnectionStringBuilder(pooled.ConnectionString) { Password = "not-the-password" }.ConnectionString);
        var plain = await DatabaseEmulator.RefusedAsync(new NpgsqlConnectionStringBuilder(pooled.ConnectionString) { SslMode = SslMode.Disable }.ConnectionString);
        var superuser = await DatabaseEmulator.RefusedAsync(new NpgsqlConnectionStringBuilder(pooled.ConnectionString) { Username = ClusterTemplate.Superuser }.ConnectionString);

        Assert.Equal(("08P01", "SASL authentication failed"), (wrong.SqlState, wrong.MessageText));
        Assert.Equal(("08P01", "SSL required"), (plain.SqlState, plain.MessageText));
        Assert.Equal(("08P01", "SASL authentication failed"), (superuser.SqlState, superuser.MessageText));
    }

    [Fact]
    public async Task DisablePooler_StopsPgBouncer_AndThePortRefuses()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, direct) = await emulator.ReadyServiceAsync();
        var pooled = await EnableAsync(emulator, id, direct);

        var response = await emulator.Client.PostAsync($"{emulator.Seeder.ServicePath(id)}/disablePooler", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"message":"Connection pooler disabled"}""", (await response.ReadJsonAsync()).ToJsonString());
        await DatabaseEmulator.AssertNothingListensAsync(pooled);
        Assert.Equal("stopped", (string?)(await emulator.DatabaseOfAsync(id))["pooler"]!["state"]);
        Assert.Empty(PgBouncersUnder(Root(await emulator.DatabaseOfAsync(id))));
        Assert.Equal(1, await DatabaseEmulator.ScalarAsync<int>(direct, "select 1"));
    }

    [Fact]
    public async Task StopAndStart_ThePoolerStopsWithTheServer_AndComesBackWithIt()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, direct) = await emulator.ReadyServiceAsync();
        var pooled = await EnableAsync(emulator, id, direct);

        await emulator.ActAsync(id, "stop", null, "PAUSED");
        await DatabaseEmulator.AssertNothingListensAsync(pooled);

        await emulator.ActAsync(id, "start", null, "READY");
        Assert.Equal("tsdbadmin", await DatabaseEmulator.ScalarAsync<string>(pooled, "select current_user"));
    }

    [Fact]
    public async Task EnablePooler_WhilePaused_StartsNothingUntilTheServiceIsStarted()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, direct) = await emulator.ReadyServiceAsync();
        await emulator.ActAsync(id, "stop", null, "PAUSED");

        var pooled = await EnableAsync(emulator, id, direct);
        await DatabaseEmulator.AssertNothingListensAsync(pooled);

        await emulator.ActAsync(id, "start", null, "READY");
        Assert.Equal("tsdbadmin", await DatabaseEmulator.ScalarAsync<string>(pooled, "select current_user"));
    }

    [Fact]
    public async Task UpdatePassword_ThePoolerTakesTheNewPasswordAtOnce_AndRefusesTheOld()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, direct) = await emulator.ReadyServiceAsync();
        var pooled = new NpgsqlConnectionStringBuilder(await EnableAsync(emulator, id, direct));
        var old = pooled.ConnectionString;

        var response = await emulator.Client.PostAsync($"{emulator.Seeder.ServicePath(id)}/updatePassword", Api.Json(new { password = "a new \"one\" 🐯" }));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        pooled.Password = "a new \"one\" 🐯";

        Assert.Equal("tsdbadmin", await DatabaseEmulator.ScalarAsync<string>(pooled.ConnectionString, "select current_user"));
        Assert.Contains((await ConsoleAsync(pooled.ConnectionString, "SHOW POOLS")), row => row.StartsWith("tsdb|tsdbadmin|", StringComparison.Ordinal));
        var refused = await DatabaseEmulator.RefusedAsync(old);
        Assert.Equal(("08P01", "SASL authentication failed"), (refused.SqlState, refused.MessageText));
    }

    [Fact]
    public async Task PgBouncerKilledFromOutside_IsStartedAgainWithinSeconds()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, direct) = await emulator.ReadyServiceAsync();
        var pooled = await EnableAsync(emulator, id, direct);
        var pid = (int)(await emulator.DatabaseOfAsync(id))["pooler"]!["pid"]!;

        Process.GetProcessById(pid).Kill();

        await DatabaseEmulator.EventuallyAsync(
            async () => (await emulator.DatabaseOfAsync(id))["pooler"] is { } again && (string?)again["state"] == "running" && again["pid"] is { } now && (int)now != pid,
            "the pooler runs again under a new process");
        Assert.Equal("tsdbadmin", await DatabaseEmulator.ScalarAsync<string>(pooled, "select current_user"));
    }

    [Fact]
    public async Task ARoleMadeInTheDatabase_LogsInThroughThePoolerWithItsOwnPassword()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, direct) = await emulator.ReadyServiceAsync();
        var pooled = await EnableAsync(emulator, id, direct);
        await DatabaseEmulator.ExecuteAsync(direct, "create role app login password 'app-secret'; grant create on schema public to app");

        var app = new NpgsqlConnectionStringBuilder(pooled) { Username = "app", Password = "app-secret" }.ConnectionString;

        Assert.Equal("app", await DatabaseEmulator.ScalarAsync<string>(app, "select current_user"));
    }

    [Fact]
    public async Task Delete_RemovesThePooler_AndResetAndTheEmulatorsEnd_LeaveNoPgBouncer()
    {
        string root;
        using (var emulator = new DatabaseEmulator(output))
        {
            var (id, direct) = await emulator.ReadyServiceAsync("deleted");
            var pooled = await EnableAsync(emulator, id, direct);
            root = Root(await emulator.DatabaseOfAsync(id));

            Assert.Equal(HttpStatusCode.Accepted, (await emulator.Client.DeleteAsync(emulator.Seeder.ServicePath(id))).StatusCode);
            await emulator.Factory.AdvanceAsync(TimeSpan.FromMinutes(2));
            await DatabaseEmulator.AssertNothingListensAsync(pooled);
            Assert.Empty(PgBouncersUnder(root));

            var (reset, resetDirect) = await emulator.ReadyServiceAsync("reset");
            await EnableAsync(emulator, reset, resetDirect);
            await emulator.Factory.ResetAsync();
            Assert.Empty(PgBouncersUnder(root));

            var (kept, keptDirect) = await emulator.ReadyServiceAsync("kept");
            await EnableAsync(emulator, kept, keptDirect);
            Assert.Single(PgBouncersUnder(root));
        }

        Assert.Empty(PgBouncersUnder(root));
    }

    [Fact]
    public async Task RestartWithADataFolder_StartsTheEnabledPoolerAgain()
    {
        var dataDir = DatabaseEmulator.NewDataFolder("tiger-pooler-restart-");
        try
        {
            string id;
            string pooled;
            using (var first = new DatabaseEmulator(output, dataDir))
            {
                (id, var direct) = await first.ReadyServiceAsync();
                pooled = await EnableAsync(first, id, direct);
            }

            await DatabaseEmulator.AssertNothingListensAsync(pooled);
            Assert.Empty(PgBouncersUnder(dataDir));
            using var second = new DatabaseEmulator(output, dataDir, new Dictionary<string, string?>());

            Assert.Equal("tsdbadmin", await DatabaseEmulator.ScalarAsync<string>(pooled, "select current_user"));
            Assert.Equal("running", (string?)(await second.DatabaseOfAsync(id))["pooler"]!["state"]);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    // The answer comes once PgBouncer listens; the pooled endpoint is the service's, one port up.
    private static async Task<string> EnableAsync(DatabaseEmulator emulator, string id, string direct)
    {
        var response = await emulator.Client.PostAsync($"{emulator.Seeder.ServicePath(id)}/enablePooler", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"message":"Connection pooler enabled"}""", (await response.ReadJsonAsync()).ToJsonString());
        var endpoint = (await emulator.Client.GetJsonAsync(emulator.Seeder.ServicePath(id)))["connection_pooler"]!["endpoint"]!;
        var builder = new NpgsqlConnectionStringBuilder(direct);
        Assert.Equal(builder.Port + 1, (int)endpoint["port"]!);
        builder.Port = (int)endpoint["port"]!;
        return builder.ConnectionString;
    }

    // psql on PgBouncer's admin console (database pgbouncer), as tsdbadmin, the stats user: rows as a|b|c.
    private static async Task<List<string>> ConsoleAsync(string pooled, string command)
    {
        var builder = new NpgsqlConnectionStringBuilder(pooled);
        var psql = PostgresBinaries.Find(null, out _)!.Psql;
        var start = new ProcessStartInfo(psql, ["-X", "-A", "-t", "-c", command, $"host={builder.Host} port={builder.Port} user={builder.Username} dbname=pgbouncer sslmode=require"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PGPASSWORD"] = builder.Password;
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"psql: {errors}");
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static int PortOf(string connection) => new NpgsqlConnectionStringBuilder(connection).Port;

    // The databases folder: <root>/services/<id>/data.
    private static string Root(System.Text.Json.Nodes.JsonNode database) =>
        Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName((string)database["data_folder"]!)!)!)!;

    // PgBouncer names its settings file on its command line, in the service's folder under the root.
    private static List<int> PgBouncersUnder(string root) =>
        [.. Directory.GetDirectories("/proc")
            .Select(folder => int.TryParse(Path.GetFileName(folder), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && CommandLine(pid) is { } line && line.Contains("pgbouncer", StringComparison.Ordinal) && line.Contains(root, StringComparison.Ordinal))
            .Where(PostgresServer.IsAlive)];

    private static string? CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
