using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// HA replicas as synchronous standbys of the primary, and the failover that promotes one: through the control API, a
/// fault rule, and the crash watch. Clients keep the service's endpoint and its committed rows.
[Trait("Category", "Database")]
public sealed class FailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SetHa_StartsASynchronousStandbyPerReplica_WithNodeNumbers_AndTheirOwnFolders()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();

        await emulator.ActAsync(id, "setHA", new { replica_count = 2 }, "READY");

        var standbys = await emulator.StandbysOfAsync(id);
        Assert.Equal([(1, "ha", "running"), (2, "ha", "running")], standbys.Select(s => ((int)s["node"]!, (string)s["kind"]!, (string)s["server"]!)).ToArray());
        Assert.All(standbys, s => Assert.NotNull((int?)s["pid"]));
        Assert.Equal(2, standbys.Select(s => (string)s["data_folder"]!).Distinct().Count());
        Assert.Equal("ANY 1 (ha1, ha2)", await DatabaseEmulator.ScalarAsync<string>(connection, "show synchronous_standby_names"));

        await emulator.ActAsync(id, "setHA", new { replica_count = 0 }, "READY");
        Assert.Empty(await emulator.StandbysOfAsync(id));
        Assert.Equal("", await DatabaseEmulator.ScalarAsync<string>(connection, "show synchronous_standby_names"));
        await DatabaseEmulator.ExecuteAsync(connection, "create table without_standbys(n int)");
    }

    [Fact]
    public async Task Failover_KeepsCommittedRowsAndTheEndpoint_AndAReconnectingClientWritesAgain()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        await emulator.ActAsync(id, "setHA", new { replica_count = 1 }, "READY");
        await DatabaseEmulator.ExecuteAsync(connection, "create table orders(n int)");
        for (var n = 1; n <= 20; n++)
        {
            await DatabaseEmulator.ExecuteAsync(connection, $"insert into orders values ({n})");
        }

        var oldPrimary = (int)(await emulator.DatabaseOfAsync(id))["pid"]!;
        var standby = (int)(await emulator.StandbysOfAsync(id)).Single()["pid"]!;
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();

        var answer = await emulator.Factory.CreateClient().PostAsync($"/_emulator/services/{id}/failover", null);
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal("""{"service_id":"ID","status":"UNSTABLE"}""".Replace("ID", id, StringComparison.Ordinal), await answer.Content.ReadAsStringAsync());
        await emulator.Seeder.WaitForStatusAsync(emulator.Seeder.ServicePath(id), "READY");

        // The session open on the killed primary is gone; a new one reaches the promoted standby on the same port.
        await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await new NpgsqlCommand("select 1", open).ExecuteScalarAsync());
        Assert.Equal(20L, await DatabaseEmulator.ScalarAsync<long>(connection, "select count(*) from orders"));
        await DatabaseEmulator.ExecuteAsync(connection, "insert into orders values (21)");
        Assert.False(await DatabaseEmulator.ScalarAsync<bool>(connection, "select pg_is_in_recovery()"));
        Assert.False(PostgresServerAlive(oldPrimary));
        Assert.False(PostgresServerAlive(standby), "the promoted standby's own server was stopped before its data moved");

        // The HA count holds: a new standby, made from the new primary, runs as node 1.
        var rebuilt = (await emulator.StandbysOfAsync(id)).Single();
        Assert.Equal((1, "running"), ((int)rebuilt["node"]!, (string)rebuilt["server"]!));
        Assert.NotEqual(standby, (int)rebuilt["pid"]!);
    }

    [Fact]
    public async Task FailoverFaultRule_FailsTheServiceOverWhenARequestMatches_ThenItIsReadyWithItsRows()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        await emulator.ActAsync(id, "setHA", new { replica_count = 1 }, "READY");
        await DatabaseEmulator.ExecuteAsync(connection, "create table kept(n int); insert into kept values (1), (2), (3)");
        var before = (int)(await emulator.DatabaseOfAsync(id))["pid"]!;
        await emulator.Factory.AddFaultAsync(new { effect = "failover", operation = "getService", resource = id, times = 1 });

        var seen = await emulator.Client.GetJsonAsync(emulator.Seeder.ServicePath(id));

        Assert.Equal("UNSTABLE", (string?)seen["status"]);
        await emulator.Seeder.WaitForStatusAsync(emulator.Seeder.ServicePath(id), "READY");
        Assert.NotEqual(before, (int)(await emulator.DatabaseOfAsync(id))["pid"]!);
        Assert.Equal(3L, await DatabaseEmulator.ScalarAsync<long>(connection, "select count(*) from kept"));
        var rule = (await emulator.Factory.CreateClient().GetJsonAsync("/_emulator/faults")).AsArray().Single()!;
        Assert.Equal(1, (int)rule["fired"]!);
    }

    [Fact]
    public async Task PrimaryKilledFromOutside_WithAnHaReplica_FailsOverInsteadOfRestarting()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        await emulator.ActAsync(id, "setHA", new { replica_count = 1 }, "READY");
        await DatabaseEmulator.ExecuteAsync(connection, "create table kept(n int); insert into kept values (8)");

        System.Diagnostics.Process.GetProcessById((int)(await emulator.DatabaseOfAsync(id))["pid"]!).Kill();
        await DatabaseEmulator.EventuallyAsync(
            () => Task.FromResult(emulator.LogLines.Any(line => line.Contains($"Database of service {id} failed over", StringComparison.Ordinal))), "the watch fails the service over");

        await emulator.Seeder.WaitForStatusAsync(emulator.Seeder.ServicePath(id), "READY");
        Assert.Equal(8, await DatabaseEmulator.ScalarAsync<int>(connection, "select n from kept"));
        Assert.Contains(emulator.LogLines, line => line.Contains($"Database of service {id} on port", StringComparison.Ordinal) && line.Contains("fails over to an HA replica", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadReplicaSet_FollowsThePromotedPrimary()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        await emulator.ActAsync(id, "setHA", new { replica_count = 1 }, "READY");
        var password = DatabaseEmulator.PasswordOf(connection);
        var (_, replica) = await emulator.ActiveReplicaSetAsync(id, password);

        var answer = await emulator.Factory.CreateClient().PostAsync($"/_emulator/services/{id}/failover", null);
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        await emulator.Seeder.WaitForStatusAsync(emulator.Seeder.ServicePath(id), "READY");
        await DatabaseEmulator.ExecuteAsync(connection, "create table after_failover(n int); insert into after_failover values (1)");

        await DatabaseEmulator.EventuallyAsync(async () =>
        {
            try
            {
                return await DatabaseEmulator.ScalarAsync<long>(replica, "select count(*) from after_failover") == 1;
            }
            catch (PostgresException)
            {
                return false;
            }
        }, "the read replica shows a row written on the promoted primary", seconds: 10);
    }

    [Fact]
    public async Task FailoverControlRoute_RefusesUnknownServices_ServicesWithoutHa_AndServicesNotReady()
    {
        using var factory = Emulator.Create(output);
        var control = factory.CreateClient();
        var tiger = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, tiger);
        var id = await seeder.ReadyServiceAsync();

        await (await control.PostAsync("/_emulator/services/nosuchsvc1/failover", null))
            .AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", "no service with that id exists: 'nosuchsvc1'");
        await (await control.PostAsync($"/_emulator/services/{id}/failover", null))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", $"Service '{id}' has no HA replica to fail over to; add one with setHA");
        await seeder.StopAsync(id);
        await (await control.PostAsync($"/_emulator/services/{id}/failover", null))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", $"Service '{id}' is PAUSED; failover needs READY");
    }

    [Fact]
    public async Task FailoverWithoutDatabases_StillPassesThroughUnstableToReady()
    {
        using var factory = Emulator.Create(output);
        var tiger = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, tiger);
        var id = await seeder.ReadyServiceAsync(new { name = "ha", replica_count = 1 });

        var answer = await factory.CreateClient().PostAsync($"/_emulator/services/{id}/failover", null);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal("UNSTABLE", (string?)(await tiger.GetJsonAsync(seeder.ServicePath(id)))["status"]);
        await seeder.WaitForStatusAsync(seeder.ServicePath(id), "READY");
    }

    private static bool PostgresServerAlive(int pid) => TigerEmulator.Databases.PostgresServer.IsAlive(pid);
}
