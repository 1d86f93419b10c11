using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Logs;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// What a client of a service's database sees, through the real API and Npgsql with sslmode=require: the cloud's
/// database, role and TLS, and a server whose life follows the service's status.
[Trait("Category", "Database")]
public sealed class ServiceDatabaseTests(ITestOutputHelper output)
{
    [Fact]
    public async Task NewService_AcceptsTsdbadminWithItsInitialPassword_OverTlsOnly_AsNoSuperuser()
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, connection) = await emulator.ReadyServiceAsync();

        await using (var session = new NpgsqlConnection(connection))
        {
            await session.OpenAsync();
            await using var command = new NpgsqlCommand(
                "select current_user, current_database(), r.rolsuper, r.rolcreaterole, r.rolcreatedb from pg_roles r where r.rolname = current_user", session);
            await using var row = await command.ExecuteReaderAsync();
            Assert.True(await row.ReadAsync());
            Assert.Equal(("tsdbadmin", "tsdb", false, true, true), (row.GetString(0), row.GetString(1), row.GetBoolean(2), row.GetBoolean(3), row.GetBoolean(4)));

            // TLS ends at the emulator's front (the only listener, which refuses a start-up without it); the password
            // is PostgreSQL's own SCRAM, offered without channel binding since the server sees a Unix socket.
        }

        var plain = await DatabaseEmulator.RefusedAsync(connection.Replace("SSL Mode=Require", "SSL Mode=Disable", StringComparison.Ordinal));
        Assert.Equal("28000", plain.SqlState);
        Assert.Contains("no encryption", plain.MessageText);
    }

    [Fact]
    public async Task UpdatePassword_WithQuotesBackslashesAndUnicode_NewOneWorksAtOnce_OldOneFails()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        var builder = new NpgsqlConnectionStringBuilder(connection);
        var oldPassword = builder.Password!;
        const string newPassword = "it's \"quoted\" \\back\\slashed'; drop role tsdbadmin; -- ünïcødé 🐯";

        var response = await emulator.Client.PostAsync($"{emulator.Seeder.ServicePath(id)}/updatePassword", Api.Json(new { password = newPassword }));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        builder.Password = newPassword;
        Assert.Equal("tsdbadmin", await DatabaseEmulator.ScalarAsync<string>(builder.ConnectionString, "select current_user"));
        builder.Password = oldPassword;
        var refused = await DatabaseEmulator.RefusedAsync(builder.ConnectionString);
        Assert.Equal("28P01", refused.SqlState);
        Assert.Equal("password authentication failed for user \"tsdbadmin\"", refused.MessageText);
    }

    [Fact]
    public async Task UpdatePassword_WhilePaused_ThroughAnEmulatorRestart_IsTheOneThatWorksAfterResume_NeverKeptInPlainText()
    {
        var dataDir = DatabaseEmulator.NewDataFolder("tiger-paused-password-");
        const string newPassword = "changed while päused 'n' restarted";
        try
        {
            string connection, id;
            using (var first = new DatabaseEmulator(output, dataDir))
            {
                (id, connection) = await first.ReadyServiceAsync();
                await first.ActAsync(id, "stop", null, "PAUSED");
                var response = await first.Client.PostAsync($"{first.Seeder.ServicePath(id)}/updatePassword", Api.Json(new { password = newPassword }));
                Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            }

            var kept = Directory.EnumerateFiles(dataDir, "*", SearchOption.AllDirectories)
                .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}data{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Where(file => File.ReadAllText(file).Contains(newPassword, StringComparison.Ordinal));
            Assert.Empty(kept);

            using var second = new DatabaseEmulator(output, dataDir);
            await second.ActAsync(id, "start", null, "READY");
            // The service keeps its endpoint across the restart.
            var builder = new NpgsqlConnectionStringBuilder(connection);
            var oldPassword = builder.Password!;

            builder.Password = newPassword;
            Assert.Equal("tsdbadmin", await DatabaseEmulator.ScalarAsync<string>(builder.ConnectionString, "select current_user"));
            builder.Password = oldPassword;
            var refused = await DatabaseEmulator.RefusedAsync(builder.ConnectionString);
            Assert.Equal(("28P01", "password authentication failed for user \"tsdbadmin\""), (refused.SqlState, refused.MessageText));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Stop_RefusesConnectionsSayingTheServiceIsPaused_Start_FindsTheData()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        await DatabaseEmulator.ExecuteAsync(connection, "create table kept(n int); insert into kept values (7)");

        await emulator.ActAsync(id, "stop", null, "PAUSED");
        var refused = await DatabaseEmulator.RefusedAsync(connection);
        Assert.Equal(("57P03", "FATAL", "the service is paused; resume it to connect"), (refused.SqlState, refused.Severity, refused.MessageText));
        Assert.Null((await emulator.DatabaseOfAsync(id))["pid"]);

        await emulator.ActAsync(id, "start", null, "READY");
        Assert.Equal(7, await DatabaseEmulator.ScalarAsync<int>(connection, "select n from kept"));
    }

    [Fact]
    public async Task Resize_RestartsTheServer_AndATableWrittenBeforeIsThereAfter()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        await DatabaseEmulator.ExecuteAsync(connection, "create table kept(n int); insert into kept values (1), (2)");
        var before = (int)(await emulator.DatabaseOfAsync(id))["pid"]!;

        await emulator.ActAsync(id, "resize", new { cpu_millis = "1000", memory_gbs = "4" }, "READY");

        Assert.NotEqual(before, (int)(await emulator.DatabaseOfAsync(id))["pid"]!);
        Assert.Equal(2L, await DatabaseEmulator.ScalarAsync<long>(connection, "select count(*) from kept"));
    }

    [Fact]
    public async Task Delete_RefusesConnections_RemovesTheFiles_ThenAnswers404()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        var folder = (string)(await emulator.DatabaseOfAsync(id))["data_folder"]!;
        Assert.True(Directory.Exists(folder));

        Assert.Equal(HttpStatusCode.Accepted, (await emulator.Client.DeleteAsync(emulator.Seeder.ServicePath(id))).StatusCode);
        await emulator.Factory.AdvanceAsync(TimeSpan.FromMinutes(2));

        await (await emulator.Client.GetAsync(emulator.Seeder.ServicePath(id))).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", $"no service with that id exists: '{id}'");
        await DatabaseEmulator.AssertNothingListensAsync(connection);
        Assert.False(Directory.Exists(folder));
        Assert.Empty((await emulator.DatabasesAsync())["databases"]!.AsArray());
    }

    [Fact]
    public async Task DeleteWhileTheServerIsStillStarting_EndsWithNoServerAndNoFiles()
    {
        using var emulator = new DatabaseEmulator(output);
        var created = await emulator.Client.CreateServiceAsync(emulator.Factory.ProjectId, new { name = "short-lived" });
        var id = (string)created["service_id"]!;

        // The clock's advance starts the server (CONFIGURING) while the delete comes in: whichever lands first, the
        // end is the same.
        var starting = emulator.Factory.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Accepted, (await emulator.Client.DeleteAsync(emulator.Seeder.ServicePath(id))).StatusCode);
        await starting;
        await emulator.Factory.AdvanceAsync(TimeSpan.FromMinutes(2));

        await (await emulator.Client.GetAsync(emulator.Seeder.ServicePath(id))).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", $"no service with that id exists: '{id}'");
        Assert.Empty((await emulator.DatabasesAsync())["databases"]!.AsArray());
        await DatabaseEmulator.AssertNothingListensAsync(DatabaseConnection.Format("localhost", (int)created["endpoint"]!["port"]!, (string)created["initial_password"]!) + ";Pooling=false");
    }

    [Fact]
    public async Task ServerKilledFromOutside_WhileReady_ServiceTurnsUnstableWithinSeconds_ThenIsStartedAgain()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        await DatabaseEmulator.ExecuteAsync(connection, "create table kept(n int); insert into kept values (3)");

        System.Diagnostics.Process.GetProcessById((int)(await emulator.DatabaseOfAsync(id))["pid"]!).Kill();
        await DatabaseEmulator.EventuallyAsync(
            async () => (string?)(await emulator.Client.GetJsonAsync(emulator.Seeder.ServicePath(id)))["status"] == "UNSTABLE", "the service shows UNSTABLE");

        await emulator.Seeder.WaitForStatusAsync(emulator.Seeder.ServicePath(id), "READY");
        Assert.Equal(3, await DatabaseEmulator.ScalarAsync<int>(connection, "select n from kept"));
    }

    [Fact]
    public async Task AServerThatCannotStart_LeavesTheServiceUnstable_WithTheReasonInTheEmulatorsAndTheServicesLogs_AndTheApiAnswering()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, _) = await emulator.ReadyServiceAsync();
        await emulator.ActAsync(id, "stop", null, "PAUSED");
        var data = (string)(await emulator.DatabaseOfAsync(id))["data_folder"]!;
        File.Delete(Path.Combine(data, "PG_VERSION"));

        await emulator.ActAsync(id, "start", null, "UNSTABLE");

        Assert.Contains(emulator.LogLines, line => line.Contains($"Database of service {id}: start failed: pg_ctl exited with 1", StringComparison.Ordinal));
        Assert.Contains(emulator.LogLines, line => line.Contains($"service {id}: RESUMING failed: database start failed:", StringComparison.Ordinal));
        Assert.Equal("failed", (string?)(await emulator.DatabaseOfAsync(id))["server"]);
        await emulator.Factory.AdvanceAsync(TimeSpan.FromSeconds(1)); // the log's line is written a few milliseconds after the failure
        var (told, _) = await LogsClient.WalkFilteredAsync(emulator.Client, LogsClient.Path(emulator.Factory.ProjectId, id), "search=database%20start%20failed");
        var line = Assert.Single(told);
        Assert.Equal("ERROR", line.Severity);
        Assert.StartsWith("database start failed: pg_ctl exited with 1: ", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortInTheRangeTakenByAnotherProcess_TheNextFreePairIsUsed()
    {
        using var emulator = new DatabaseEmulator(output);
        using var squatter = new System.Net.Sockets.TcpListener(IPAddress.Loopback, emulator.Ports.First);
        squatter.Start();

        var (_, connection) = await emulator.ReadyServiceAsync();

        Assert.Equal(emulator.Ports.First + 2, new NpgsqlConnectionStringBuilder(connection).Port);
        Assert.Equal(1, await DatabaseEmulator.ScalarAsync<int>(connection, "select 1"));
    }

    [Fact]
    public async Task CreateBeyondTheLimit_IsRefusedWithAnErrorNamingTheLimit()
    {
        using var emulator = new DatabaseEmulator(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_MAX_DATABASES"] = "1" });
        await emulator.Client.CreateServiceAsync(emulator.Factory.ProjectId);

        var refused = await emulator.Client.PostAsync($"{emulator.Seeder.ProjectPath}/services", Api.Json(new { name = "one-too-many" }));

        await refused.AssertErrorAsync(HttpStatusCode.Conflict, "CONFLICT", "the emulator runs at most 1 databases (TIGER_EMULATOR_MAX_DATABASES); delete a service or raise the limit");
        Assert.Single((await emulator.Client.GetJsonAsync($"{emulator.Seeder.ProjectPath}/services")).AsArray());
    }
}
