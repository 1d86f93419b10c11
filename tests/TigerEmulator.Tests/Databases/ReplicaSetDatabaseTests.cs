using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// Read replica sets as streaming standbys of their service, seen through their own endpoints with Npgsql
/// (sslmode=require) and the parent's credentials.
[Trait("Category", "Database")]
public sealed class ReplicaSetDatabaseTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ReplicaSet_ReadsWhatThePrimaryWrote_AndRefusesWritesWithPostgresqlsReadOnlyError()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, primary) = await emulator.ReadyServiceAsync();
        await DatabaseEmulator.ExecuteAsync(primary, "create table orders(n int); insert into orders values (1)");
        var (_, replica) = await emulator.ActiveReplicaSetAsync(id, DatabaseEmulator.PasswordOf(primary));

        await DatabaseEmulator.ExecuteAsync(primary, "insert into orders values (2)");
        await DatabaseEmulator.EventuallyAsync(
            async () => await DatabaseEmulator.ScalarAsync<long>(replica, "select count(*) from orders") == 2, "the replica shows the primary's second row", seconds: 5);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => DatabaseEmulator.ExecuteAsync(replica, "insert into orders values (3)"));
        Assert.Equal(("25006", "ERROR", "cannot execute INSERT in a read-only transaction"), (refused.SqlState, refused.Severity, refused.MessageText));
        Assert.True(await DatabaseEmulator.ScalarAsync<bool>(replica, "select pg_is_in_recovery()"));
        Assert.Equal(2L, await DatabaseEmulator.ScalarAsync<long>(primary, "select count(*) from orders"));
    }

    [Fact]
    public async Task ReplicaSet_AcceptsTheParentsChangedPassword_AndRefusesTheOldOne()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, primary) = await emulator.ReadyServiceAsync();
        var (setId, replica) = await emulator.ActiveReplicaSetAsync(id, DatabaseEmulator.PasswordOf(primary));
        const string changed = "a n€w 'password' for the replica";

        var response = await emulator.Client.PostAsync($"{emulator.Seeder.ServicePath(id)}/updatePassword", Api.Json(new { password = changed }));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var withNew = await emulator.ReplicaSetConnectionAsync(id, setId, changed);
        await DatabaseEmulator.EventuallyAsync(async () => await ConnectsAsync(withNew), "the replica takes the new password", seconds: 5);
        var old = await DatabaseEmulator.RefusedAsync(replica);
        Assert.Equal(("28P01", "password authentication failed for user \"tsdbadmin\""), (old.SqlState, old.MessageText));
    }

    [Fact]
    public async Task ReplicaSet_IsActiveOnlyOnceItsServerAcceptsConnections_AndFailsToErrorWhenItCannot()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, primary) = await emulator.ReadyServiceAsync();

        // A file stands where the service's replica set folders are to be made, before the set is asked for (its
        // server is provisioned from the moment it is creating): the set never becomes active.
        var primaryData = (string)(await emulator.DatabasesAsync())["databases"]!.AsArray().Single(d => (string?)d!["service_id"] == id)!["data_folder"]!;
        var sets = Path.Combine(Path.GetDirectoryName(primaryData)!, "replica-sets");
        await File.WriteAllTextAsync(sets, "in the way");
        await emulator.Factory.HoldTransitionAsync("replicaSet", "create");
        var failing = await emulator.Seeder.ReplicaSetAsync(id);
        await emulator.Factory.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Equal("error", (string?)(await emulator.ReplicaSetAsync(id, failing))["status"]);
        Assert.Contains(emulator.LogLines, line => line.Contains($"Database of read replica set {failing} of service {id}: provision failed", StringComparison.Ordinal));

        // With the way clear, the next set is connectable the moment the API says active: the step was held until the
        // server was up.
        File.Delete(sets);
        await emulator.Factory.ClearTransitionOverridesAsync();
        var (_, replica) = await emulator.ActiveReplicaSetAsync(id, DatabaseEmulator.PasswordOf(primary));
        Assert.Equal(1, await DatabaseEmulator.ScalarAsync<int>(replica, "select 1"));
    }

    [Fact]
    public async Task Resize_RestartsTheReplicasServer_WhichStillFollowsThePrimary()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, primary) = await emulator.ReadyServiceAsync();
        var (setId, replica) = await emulator.ActiveReplicaSetAsync(id, DatabaseEmulator.PasswordOf(primary));
        var before = (int)(await emulator.StandbysOfAsync(id)).Single()["pid"]!;

        var response = await emulator.Client.PostAsync($"{emulator.Seeder.ServicePath(id)}/replicaSets/{setId}/resize", Api.Json(new { cpu_millis = "4000", memory_gbs = "16" }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("resizing", (string?)(await emulator.ReplicaSetAsync(id, setId))["status"]);
        await emulator.Seeder.WaitUntilAsync($"{emulator.Seeder.ServicePath(id)}/replicaSets", sets => (string?)sets.AsArray().Single()!["status"] == "active");

        Assert.NotEqual(before, (int)(await emulator.StandbysOfAsync(id)).Single()["pid"]!);
        await DatabaseEmulator.ExecuteAsync(primary, "create table after_resize(n int); insert into after_resize values (5)");
        await DatabaseEmulator.EventuallyAsync(async () => await TableCountAsync(replica, "after_resize") == 1, "the restarted replica follows the primary", seconds: 5);
    }

    [Fact]
    public async Task Delete_StopsTheServer_RemovesItsFolder_AndFreesItsPortForTheNextSet()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, primary) = await emulator.ReadyServiceAsync();
        var (setId, replica) = await emulator.ActiveReplicaSetAsync(id, DatabaseEmulator.PasswordOf(primary));
        var folder = (string)(await emulator.StandbysOfAsync(id)).Single()["data_folder"]!;
        var port = new NpgsqlConnectionStringBuilder(replica).Port;

        Assert.Equal(HttpStatusCode.Accepted, (await emulator.Client.DeleteAsync($"{emulator.Seeder.ServicePath(id)}/replicaSets/{setId}")).StatusCode);
        await emulator.Seeder.WaitUntilAsync($"{emulator.Seeder.ServicePath(id)}/replicaSets", sets => sets.AsArray().Count == 0);

        await DatabaseEmulator.AssertNothingListensAsync(replica);
        Assert.False(Directory.Exists(folder));
        Assert.Empty(await emulator.StandbysOfAsync(id));
        var (_, next) = await emulator.ActiveReplicaSetAsync(id, DatabaseEmulator.PasswordOf(primary));
        Assert.Equal(port, new NpgsqlConnectionStringBuilder(next).Port);
        Assert.Equal(1, await DatabaseEmulator.ScalarAsync<int>(next, "select 1"));
    }

    [Fact]
    public async Task LifecycleFaultError_StopsTheReplicasServer()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, primary) = await emulator.ReadyServiceAsync();
        var (setId, replica) = await emulator.ActiveReplicaSetAsync(id, DatabaseEmulator.PasswordOf(primary));
        await emulator.Factory.AddFaultAsync(new { effect = "replica_error", operation = "resizeReplicaSet" });

        await emulator.Client.PostAsync($"{emulator.Seeder.ServicePath(id)}/replicaSets/{setId}/resize", Api.Json(new { cpu_millis = "4000", memory_gbs = "16" }));
        await emulator.Seeder.WaitUntilAsync($"{emulator.Seeder.ServicePath(id)}/replicaSets", sets => (string?)sets.AsArray().Single()!["status"] == "error");

        await DatabaseEmulator.EventuallyAsync(async () => (await emulator.StandbysOfAsync(id)).Single()["pid"] is null, "the replica's server is stopped", seconds: 10);
        var refused = await DatabaseEmulator.RefusedAsync(replica);
        Assert.Equal(("57P03", "the read replica set is in error: its server is not running"), (refused.SqlState, refused.MessageText));
    }

    [Fact]
    public async Task PausingTheService_StopsItsReplica_ResumingBringsItBackWithTheData()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, primary) = await emulator.ReadyServiceAsync();
        var (_, replica) = await emulator.ActiveReplicaSetAsync(id, DatabaseEmulator.PasswordOf(primary));
        await DatabaseEmulator.ExecuteAsync(primary, "create table kept(n int); insert into kept values (9)");
        await DatabaseEmulator.EventuallyAsync(async () => await TableCountAsync(replica, "kept") == 1, "the replica has the row", seconds: 5);

        await emulator.ActAsync(id, "stop", null, "PAUSED");
        var refused = await DatabaseEmulator.RefusedAsync(replica);
        Assert.Equal(("57P03", "the service is paused; resume it to connect"), (refused.SqlState, refused.MessageText));

        await emulator.ActAsync(id, "start", null, "READY");
        Assert.Equal(9, await DatabaseEmulator.ScalarAsync<int>(replica, "select n from kept"));
    }

    [Fact]
    public async Task EmulatorRestartedOnItsDataFolder_StartsTheReplicaAgain()
    {
        var dataDir = DatabaseEmulator.NewDataFolder("tiger-replica-restart-");
        try
        {
            string id, setId, password;
            using (var first = new DatabaseEmulator(output, dataDir))
            {
                var (serviceId, primary) = await first.ReadyServiceAsync();
                password = DatabaseEmulator.PasswordOf(primary);
                (id, setId) = (serviceId, (await first.ActiveReplicaSetAsync(serviceId, password)).Id);
                await DatabaseEmulator.ExecuteAsync(primary, "create table kept(n int); insert into kept values (4)");
            }

            using var second = new DatabaseEmulator(output, dataDir);
            var replica = await second.ReplicaSetConnectionAsync(id, setId, password);
            Assert.Equal(1L, await DatabaseEmulator.ScalarAsync<long>(replica, "select count(*) from kept"));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task ScenarioSeededServiceWithHaAndAReplicaSet_HasBothStandbys_AndTheSetReadsTheSeededRows()
    {
        const string scenario = """
            name: seeded-replicas
            services:
              - id: replseed01
                name: orders-db
                status: READY
                password: seeded-password-1
                ha: {replica_count: 1}
                sql: |
                  create table orders (id int primary key);
                  insert into orders values (1), (2);
            replica_sets:
              - id: replset001
                service: replseed01
                name: readers
                cpu_millis: 1000
                memory_gbs: 4
            """;
        using var emulator = new DatabaseEmulator(output, scenario: scenario);
        var replica = await emulator.ReplicaSetConnectionAsync("replseed01", "replset001", "seeded-password-1");

        // A seeded resource's server starts behind it (nothing waits on a seed), so the first reads may find it starting.
        await DatabaseEmulator.EventuallyAsync(async () => await TableCountAsync(replica, "orders") == 2, "the seeded set reads the seeded rows", seconds: 30);
        await DatabaseEmulator.EventuallyAsync(
            async () => (await emulator.StandbysOfAsync("replseed01")).Select(s => ((int)s["node"]!, (string)s["kind"]!, (string)s["server"]!)).SequenceEqual([(1, "ha", "running"), (3, "replica_set", "running")]),
            "an HA standby and the set's standby run", seconds: 30);
    }

    private static async Task<bool> ConnectsAsync(string connectionString)
    {
        try
        {
            return await DatabaseEmulator.ScalarAsync<int>(connectionString, "select 1") == 1;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static async Task<long> TableCountAsync(string connectionString, string table)
    {
        try
        {
            return await DatabaseEmulator.ScalarAsync<long>(connectionString, $"select count(*) from {table}");
        }
        catch (NpgsqlException failure) when (failure is PostgresException { SqlState: "42P01" or "57P03" } or { InnerException: System.Net.Sockets.SocketException })
        {
            return -1;
        }
    }
}
