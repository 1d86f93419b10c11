using System.Text.Json.Nodes;
using Npgsql;
using TigerEmulator.Tests.Faults;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// Database fault rules, applied by the front on a service's port: each one makes a real client fail, and the client
/// recovers once the rule has fired its times or is removed.
[Trait("Category", "Database")]
public sealed class ConnectionFaultRuleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RefuseConnections_Once_RefusesTheNextStartWithItsSqlstateAndMessage_ThenConnectsAgain()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        using var control = emulator.Factory.CreateClient();
        await control.AddFaultAsync(new { id = "elsewhere", effect = "refuse_connections", resource = id, node = 1 });
        await control.AddFaultAsync(new { id = "busy", effect = "refuse_connections", resource = id, sqlstate = "08004", message = "the emulator refuses this connection", times = 1 });

        // Npgsql by default tries a refused start once more without GSS encryption: here it asks for none, so one
        // attempt is one connection.
        var once = new NpgsqlConnectionStringBuilder(connection) { GssEncryptionMode = GssEncryptionMode.Disable }.ConnectionString;
        var refused = await DatabaseEmulator.RefusedAsync(once);
        Assert.Equal(("08004", "FATAL", "the emulator refuses this connection"), (refused.SqlState, refused.Severity, refused.MessageText));
        Assert.Equal(1, await DatabaseEmulator.ScalarAsync<int>(once, "select 1"));

        Assert.Equal([("elsewhere", 0, 0), ("busy", 2, 1)], await CountsAsync(control));
        Assert.Equal([$"CONNECT /databases/{id}/nodes/0 status= faults=busy"], await JournaledAsync(control));
    }

    [Fact]
    public async Task EndConnections_EndsTheOpenSessionAsAnAdministratorWould_NewSessionsConnect()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        using var control = emulator.Factory.CreateClient();
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();
        Assert.Equal(1, await new NpgsqlCommand("select 1", open).ExecuteScalarAsync());

        await control.AddFaultAsync(new { id = "end", effect = "end_connections", resource = id });

        var ended = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand("select 1", open).ExecuteScalarAsync());
        Assert.Equal(("57P01", "FATAL", "terminating connection due to administrator command"), (ended.SqlState, ended.Severity, ended.MessageText));
        Assert.Equal(1, await DatabaseEmulator.ScalarAsync<int>(connection, "select 1"));
        Assert.Equal([("end", 1, 1)], await CountsAsync(control));
        Assert.Equal([$"CONNECT /databases/{id}/nodes/0 status= faults=end"], await JournaledAsync(control));
    }

    // The journal's entries for database connections that rules fired on, newest first, as one line each.
    private static async Task<List<string>> JournaledAsync(HttpClient control) =>
        [.. (await control.GetJsonAsync("/_emulator/requests?operation=databaseConnection")).AsArray().Select(entry =>
            $"{entry!["method"]} {entry["path"]} status={entry["status"]} faults={string.Join(",", entry["faults"]!.AsArray().Select(f => (string?)f))}")];

    [Fact]
    public async Task ConnectionLatency_Once_OutlastsTheClientsTimeout_ThenTheNextConnects()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        using var control = emulator.Factory.CreateClient();
        await control.AddFaultAsync(new { id = "slow", effect = "connection_latency", resource = id, ms = 5000, times = 1 });
        var impatient = new NpgsqlConnectionStringBuilder(connection) { Timeout = 1 }.ConnectionString;

        var started = System.Diagnostics.Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<NpgsqlException>(() => DatabaseEmulator.ExecuteAsync(impatient, "select 1"));
        Assert.IsType<TimeoutException>(failure.InnerException);
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4.9));

        Assert.Equal(1, await DatabaseEmulator.ScalarAsync<int>(impatient, "select 1"));
        Assert.Equal([("slow", 2, 1)], await CountsAsync(control));
    }

    [Fact]
    public async Task Unreachable_UntilRemoved_LeavesConnectionsUnanswered_ThenTheNextConnects()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        using var control = emulator.Factory.CreateClient();
        await control.AddFaultAsync(new { id = "gone", effect = "unreachable", resource = id, ms = 60000 });
        var impatient = new NpgsqlConnectionStringBuilder(connection) { Timeout = 1 }.ConnectionString;

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var failure = await Assert.ThrowsAsync<NpgsqlException>(() => DatabaseEmulator.ExecuteAsync(impatient, "select 1"));
            Assert.IsType<TimeoutException>(failure.InnerException);
        }

        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await control.DeleteAsync("/_emulator/faults/gone")).StatusCode);
        Assert.Equal(1, await DatabaseEmulator.ScalarAsync<int>(impatient, "select 1"));
    }

    private static async Task<List<(string, int, int)>> CountsAsync(HttpClient control) =>
        (await control.GetJsonAsync("/_emulator/faults")).AsArray()
            .Select(rule => ((string)rule!["id"]!, (int)rule["matched"]!, (int)rule["fired"]!))
            .ToList();
}
