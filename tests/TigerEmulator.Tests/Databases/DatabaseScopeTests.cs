using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// How far a service's database reaches: through a reset (gone), a restart with a data folder (back, with its data),
/// the emulator's end (no server of its left running), and a fork (a copy, independent both ways).
[Trait("Category", "Database")]
public sealed class DatabaseScopeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Health_SaysDatabasesAreOn_WhenServicesHaveServers()
    {
        using var emulator = new DatabaseEmulator(output);
        using var control = emulator.Factory.CreateClient();

        var health = await control.GetJsonAsync("/_emulator/health");

        Assert.True((bool)health["databases"]!);
        Assert.True((bool)(await emulator.DatabasesAsync())["enabled"]!);
    }

    [Fact]
    public async Task Reset_StopsAndRemovesEveryServer_AndDisposingTheEmulatorLeavesNoPostgresProcessOfIts()
    {
        string root;
        List<int> pids;
        using (var emulator = new DatabaseEmulator(output))
        {
            await emulator.ReadyServiceAsync("one");
            await emulator.ReadyServiceAsync("two");
            var before = (await emulator.DatabasesAsync())["databases"]!.AsArray();
            pids = [.. before.Select(d => (int)d!["pid"]!)];
            root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName((string)before[0]!["data_folder"]!)!)!)!;
            Assert.Equal(2, PostgresProcessesUnder(root).Count);

            await emulator.Factory.ResetAsync();

            Assert.Empty((await emulator.DatabasesAsync())["databases"]!.AsArray());
            Assert.Empty(PostgresProcessesUnder(root));
            Assert.All(pids, pid => Assert.False(IsRunning(pid), $"postgres {pid} still runs after the reset"));

            await emulator.ReadyServiceAsync("after-reset");
            pids.Add((int)(await emulator.DatabasesAsync())["databases"]![0]!["pid"]!);
        }

        Assert.Empty(PostgresProcessesUnder(root));
        Assert.All(pids, pid => Assert.False(IsRunning(pid), $"postgres {pid} still runs after the emulator stopped"));
        Assert.False(Directory.Exists(root), "the temporary databases folder is removed at stop");
    }

    [Fact]
    public async Task RestartWithADataFolder_BringsTheDatabaseBackWithItsData()
    {
        var dataDir = DatabaseEmulator.NewDataFolder("tiger-db-restart-");
        try
        {
            string id;
            string connection;
            using (var first = new DatabaseEmulator(output, dataDir))
            {
                (id, connection) = await first.ReadyServiceAsync();
                await DatabaseEmulator.ExecuteAsync(connection, "create table kept(n int); insert into kept values (42)");
            }

            await DatabaseEmulator.AssertNothingListensAsync(connection);
            using var second = new DatabaseEmulator(output, dataDir, new Dictionary<string, string?>());

            Assert.Equal("READY", (string?)(await second.Client.GetJsonAsync(second.Seeder.ServicePath(id)))["status"]);
            Assert.Equal(42, await DatabaseEmulator.ScalarAsync<int>(connection, "select n from kept"));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task ForkNow_HasTheParentsRows_AndWritesNeverCrossEitherWay()
    {
        using var emulator = new DatabaseEmulator(output);
        var (parentId, parent) = await emulator.ReadyServiceAsync("parent");
        await DatabaseEmulator.ExecuteAsync(parent, "create table rows(n int); insert into rows values (1), (2)");

        var response = await emulator.Client.PostAsync($"{emulator.Seeder.ServicePath(parentId)}/forkService", Api.Json(new { name = "fork", fork_strategy = "NOW" }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var created = await response.ReadJsonAsync();
        var fork = await emulator.Factory.ConnectionStringAsync((string)created["service_id"]!, (string)created["initial_password"]!) + ";Pooling=false";

        Assert.Equal(2L, await DatabaseEmulator.ScalarAsync<long>(fork, "select count(*) from rows"));
        await DatabaseEmulator.ExecuteAsync(fork, "insert into rows values (100)");
        await DatabaseEmulator.ExecuteAsync(parent, "insert into rows values (200)");
        Assert.Equal(103L, await DatabaseEmulator.ScalarAsync<long>(fork, "select sum(n) from rows"));
        Assert.Equal(203L, await DatabaseEmulator.ScalarAsync<long>(parent, "select sum(n) from rows"));
    }

    // A postmaster names its data folder on its command line; its children die with it.
    private static List<int> PostgresProcessesUnder(string root) =>
        [.. Directory.GetDirectories("/proc")
            .Select(folder => int.TryParse(Path.GetFileName(folder), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Where(pid => CommandLine(pid) is { } line && line.Contains("postgres", StringComparison.Ordinal) && line.Contains(root, StringComparison.Ordinal) && IsRunning(pid))];

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

    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
