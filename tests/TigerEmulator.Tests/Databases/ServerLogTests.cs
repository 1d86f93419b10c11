using System.Diagnostics;
using System.Net;
using Npgsql;
using TigerEmulator.Tests.Logs;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// A service with a real server shows that server's own log in GET .../logs: its connections and errors with their
/// statements, newest first, paged by exact cursors, with since/until/node/search/severities, and no password.
[Trait("Category", "Database")]
public sealed class ServerLogTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StatementErrors_ThroughPsqlAndNpgsql_AppearInTheServiceLogsWithinSeconds_WithTheirStatements_NewestFirst()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        var logs = LogsClient.Path(emulator.Factory.ProjectId, id);

        var psql = await PsqlAsync(connection, "select * from missing_through_psql");
        Assert.Contains("relation \"missing_through_psql\" does not exist", psql);
        var npgsql = await Assert.ThrowsAsync<PostgresException>(() => DatabaseEmulator.ExecuteAsync(connection, "select * from missing_through_npgsql"));
        Assert.Equal("42P01", npgsql.SqlState);

        var page = await EventuallyOnPageAsync(emulator, logs, entries => entries.Any(e => e.Message.Contains("missing_through_npgsql", StringComparison.Ordinal)));
        var throughPsql = page.FindIndex(e => e.Message == "relation \"missing_through_psql\" does not exist\nSTATEMENT:  select * from missing_through_psql");
        var throughNpgsql = page.FindIndex(e => e.Message == "relation \"missing_through_npgsql\" does not exist\nSTATEMENT:  select * from missing_through_npgsql");
        Assert.True(throughNpgsql >= 0 && throughPsql > throughNpgsql, $"npgsql's error at {throughNpgsql}, psql's at {throughPsql}, newest first");
        Assert.Equal("ERROR", page[throughPsql].Severity);
        Assert.Contains(" [", page[throughPsql].Text, StringComparison.Ordinal);
        Assert.EndsWith("ERROR:  relation \"missing_through_psql\" does not exist", page[throughPsql].Text.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains(page, e => e.Severity == "LOG" && e.Message.StartsWith("connection authorized: user=tsdbadmin database=tsdb", StringComparison.Ordinal));
        Assert.Equal(page.OrderByDescending(e => e.Timestamp).Select(e => e.Timestamp), page.Select(e => e.Timestamp));
    }

    [Fact]
    public async Task AFailedAlterRolesPassword_NeverAppears_InTheLogsOrTheFilesBesideThem()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        const string secret = "hunter2-never-logged";

        var refused = await Assert.ThrowsAsync<PostgresException>(() => DatabaseEmulator.ExecuteAsync(connection, $"ALTER ROLE no_such_role WITH PASSWORD '{secret}'"));
        Assert.Equal("42704", refused.SqlState);
        await PsqlAsync(connection, $"CREATE ROLE \"o'neil\" LOGIN PASSWORD E'{secret}\\'' IN ROLE no_such_role");

        var logs = LogsClient.Path(emulator.Factory.ProjectId, id);
        var page = await EventuallyOnPageAsync(emulator, logs, entries => entries.Count(e => e.Severity == "ERROR") >= 2);
        Assert.Contains(page, e => e.Message == "role \"no_such_role\" does not exist\nSTATEMENT:  ALTER ROLE no_such_role WITH PASSWORD '********'");
        Assert.Contains(page, e => e.Message == "role \"no_such_role\" does not exist\nSTATEMENT:  CREATE ROLE \"o'neil\" LOGIN PASSWORD '********' IN ROLE no_such_role");
        var (all, _) = await LogsClient.WalkFilteredAsync(emulator.Client, logs, "search=PASSWORD");
        Assert.DoesNotContain(all, e => e.Text.Contains(secret, StringComparison.Ordinal) || e.Message.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(secret, await (await emulator.Client.GetAsync($"{logs}?severities=error")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The book the API reads from is kept beside the service's server, and holds no password either.
        var folder = Path.GetDirectoryName((string)(await emulator.DatabaseOfAsync(id))["data_folder"]!)!;
        Assert.DoesNotContain(secret, await File.ReadAllTextAsync(Path.Combine(folder, "log-book.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEmulatorsOwnPasswordChange_LeavesNoStatementInTheServersLog()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, _) = await emulator.ReadyServiceAsync();
        const string secret = "set-by-the-emulator-only";

        var response = await emulator.Client.PostAsync($"{emulator.Seeder.ServicePath(id)}/updatePassword", Api.Json(new { password = secret }));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var logs = LogsClient.Path(emulator.Factory.ProjectId, id);
        await EventuallyOnPageAsync(emulator, logs, entries => entries.Any(e => e.Message.StartsWith("connection authorized: user=tiger_emulator", StringComparison.Ordinal)));
        var folder = Path.Combine(Path.GetDirectoryName((string)(await emulator.DatabaseOfAsync(id))["data_folder"]!)!, "log");
        foreach (var file in Directory.GetFiles(folder))
        {
            Assert.DoesNotContain(secret, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SinceUntilSearchSeveritiesAndNode_WorkOnTheServersLines()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        var logs = LogsClient.Path(emulator.Factory.ProjectId, id);
        await Assert.ThrowsAsync<PostgresException>(() => DatabaseEmulator.ExecuteAsync(connection, "select * from first_missing"));
        await EventuallyOnPageAsync(emulator, logs, entries => entries.Any(e => e.Message.Contains("first_missing", StringComparison.Ordinal)));
        await emulator.Factory.AdvanceAsync(TimeSpan.FromMinutes(1));
        var between = emulator.Factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(-30);
        await Assert.ThrowsAsync<PostgresException>(() => DatabaseEmulator.ExecuteAsync(connection, "select * from second_missing"));
        await EventuallyOnPageAsync(emulator, logs, entries => entries.Any(e => e.Message.Contains("second_missing", StringComparison.Ordinal)));

        var errors = await LogsClient.WalkFilteredAsync(emulator.Client, logs, "severities=ERROR");
        Assert.Equal(["second_missing", "first_missing"], errors.Entries.Select(e => e.Message.Split('"')[1]));
        var found = await LogsClient.WalkFilteredAsync(emulator.Client, logs, "search=FIRST_missing&severities=error");
        Assert.Equal("relation \"first_missing\" does not exist\nSTATEMENT:  select * from first_missing", Assert.Single(found.Entries).Message);

        var before = await LogsClient.WalkAsync(emulator.Client, logs, LogsClient.Query(until: between));
        Assert.Contains(before, e => e.Message.Contains("first_missing", StringComparison.Ordinal));
        Assert.DoesNotContain(before, e => e.Message.Contains("second_missing", StringComparison.Ordinal));
        var after = await LogsClient.WalkAsync(emulator.Client, logs, LogsClient.Query(since: between));
        Assert.Contains(after, e => e.Message.Contains("second_missing", StringComparison.Ordinal));
        Assert.DoesNotContain(after, e => e.Message.Contains("first_missing", StringComparison.Ordinal));
        Assert.All(after, e => Assert.True(e.Timestamp >= between));

        var primary = await LogsClient.WalkAsync(emulator.Client, logs, LogsClient.Query(node: 0, until: between));
        Assert.Equal(before, primary);
    }

    [Fact]
    public async Task CursorPaging_OverTheServersLines_WhileNewOnesArrive_AndAcrossARestart_YieldsEveryEntryOnce()
    {
        var dataDir = DatabaseEmulator.NewDataFolder("tiger-server-logs-");
        try
        {
            string id, logs, window, firstCursor;
            List<WalkedEntry> firstPage, rest;
            using (var first = new DatabaseEmulator(output, dataDir))
            {
                string connection;
                (id, connection) = await first.ReadyServiceAsync();
                logs = LogsClient.Path(first.Factory.ProjectId, id);
                await FailManyAsync(connection, "early", 600);
                await EventuallyOnPageAsync(first, logs, entries => entries.Any(e => e.Message.Contains("early_599", StringComparison.Ordinal)));
                await first.Factory.AdvanceAsync(TimeSpan.FromMinutes(1));
                window = LogsClient.Query(until: first.Factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1));

                var page = await LogsClient.PageAsync(first.Client, logs, window);
                firstPage = [.. WalkedEntry.FromPage(page)];
                firstCursor = (string)page["last_cursor"]!;
                await FailManyAsync(connection, "late", 50);
                await EventuallyOnPageAsync(first, logs, entries => entries.Any(e => e.Message.Contains("late_49", StringComparison.Ordinal)));
                rest = await LogsClient.WalkAsync(first.Client, logs, $"{window}&cursor={WebUtility.UrlEncode(firstCursor)}");

                List<WalkedEntry> walked = [.. firstPage, .. rest];
                Assert.Equal(500, firstPage.Count);
                Assert.Equal(walked.Count, walked.Distinct().Count());
                Assert.Equal(600, walked.Count(e => e.Message.Contains("\nSTATEMENT:  select * from early_", StringComparison.Ordinal)));
                Assert.DoesNotContain(walked, e => e.Message.Contains("late_", StringComparison.Ordinal));
                Assert.Equal(walked, await LogsClient.WalkAsync(first.Client, logs, window));
            }

            // Another emulator on the same data folder: its clock starts over, so it is moved past the window first.
            using var second = new DatabaseEmulator(output, dataDir, new Dictionary<string, string?>());
            await second.Factory.AdvanceAsync(TimeSpan.FromMinutes(5));
            Assert.Equal([.. firstPage, .. rest], await LogsClient.WalkAsync(second.Client, logs, window));
            Assert.Equal(rest, await LogsClient.WalkAsync(second.Client, logs, $"{window}&cursor={WebUtility.UrlEncode(firstCursor)}"));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    // Each statement fails on its own, one ERROR entry apiece.
    [Fact]
    public async Task AReadReplicaSetsServerLines_AreUnderItsNodeNumber_AndNotThePrimarys()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, primary) = await emulator.ReadyServiceAsync();
        var (_, replica) = await emulator.ActiveReplicaSetAsync(id, DatabaseEmulator.PasswordOf(primary));
        var node = (int)(await emulator.StandbysOfAsync(id)).Single()["node"]!;
        var logs = LogsClient.Path(emulator.Factory.ProjectId, id);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => DatabaseEmulator.ExecuteAsync(replica, "create table written_on_the_replica(n int)"));
        Assert.Equal("25006", refused.SqlState);

        var onReplica = new List<WalkedEntry>();
        await DatabaseEmulator.EventuallyAsync(
            async () =>
            {
                onReplica = await LogsClient.WalkAsync(emulator.Client, logs, LogsClient.Query(node: node));
                return onReplica.Any(e => e.Message.Contains("written_on_the_replica", StringComparison.Ordinal));
            },
            "the replica's error is in its node's logs",
            seconds: 10);
        Assert.Contains(onReplica, e => e is { Severity: "ERROR" } && e.Message == "cannot execute CREATE TABLE in a read-only transaction\nSTATEMENT:  create table written_on_the_replica(n int)");
        var onPrimary = await LogsClient.WalkAsync(emulator.Client, logs, LogsClient.Query(node: 0));
        Assert.DoesNotContain(onPrimary, e => e.Message.Contains("written_on_the_replica", StringComparison.Ordinal));
    }

    private static async Task FailManyAsync(string connection, string prefix, int count)
    {
        await using var session = new NpgsqlConnection(connection);
        await session.OpenAsync();
        for (var i = 0; i < count; i++)
        {
            await using var command = new NpgsqlCommand($"select * from {prefix}_{i}", session);
            await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        }
    }

    private static async Task<List<WalkedEntry>> EventuallyOnPageAsync(DatabaseEmulator emulator, string logs, Func<IReadOnlyList<WalkedEntry>, bool> shows)
    {
        IReadOnlyList<WalkedEntry> page = [];
        await DatabaseEmulator.EventuallyAsync(async () => shows(page = WalkedEntry.FromPage(await LogsClient.PageAsync(emulator.Client, logs, ""))), "the server's lines are in the service's logs", seconds: 10);
        return [.. page];
    }

    /// Runs one statement through psql (expected to fail) and answers what psql printed.
    internal static async Task<string> PsqlAsync(string connection, string sql)
    {
        var target = new NpgsqlConnectionStringBuilder(connection);
        var start = new ProcessStartInfo("psql", ["-X", "-c", sql]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["PGHOST"] = target.Host;
        start.Environment["PGPORT"] = target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = target.Username;
        start.Environment["PGPASSWORD"] = target.Password;
        start.Environment["PGDATABASE"] = target.Database;
        start.Environment["PGSSLMODE"] = "require";
        using var psql = Process.Start(start)!;
        var printed = await psql.StandardError.ReadToEndAsync() + await psql.StandardOutput.ReadToEndAsync();
        await psql.WaitForExitAsync();
        Assert.NotEqual(0, psql.ExitCode);
        return printed;
    }
}
