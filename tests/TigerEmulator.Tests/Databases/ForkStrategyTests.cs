using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// LAST_SNAPSHOT and PITR forks start from the parent's snapshots: the first taken when the service is made, then one
/// a day of emulated time; PITR replays the parent's archived WAL to its target_time.
[Trait("Category", "Database")]
public sealed class ForkStrategyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task LastSnapshotFork_HasTheRowsOfTheParentsLastSnapshot_AndNotLaterOnes()
    {
        using var emulator = new DatabaseEmulator(output);
        var (parentId, parent) = await emulator.ReadyServiceAsync("parent");
        await DatabaseEmulator.ExecuteAsync(parent, "create table rows(n int); insert into rows values (1)");
        var first = (string?)(await emulator.DatabaseOfAsync(parentId))["last_snapshot"];

        await emulator.Factory.AdvanceAsync(TimeSpan.FromHours(24));
        await DatabaseEmulator.EventuallyAsync(
            async () => (string?)(await emulator.DatabaseOfAsync(parentId))["last_snapshot"] != first, "the daily snapshot is taken", seconds: 30);
        await DatabaseEmulator.ExecuteAsync(parent, "insert into rows values (2)");

        var fork = await emulator.ForkAsync(parentId, new { name = "fork", fork_strategy = "LAST_SNAPSHOT" });

        Assert.Equal(1L, await DatabaseEmulator.ScalarAsync<long>(fork, "select sum(n) from rows"));
    }

    [Fact]
    public async Task PitrFork_AtATimeBetweenTwoInserts_HasTheFirstAndNotTheSecond()
    {
        using var emulator = new DatabaseEmulator(output);
        var (parentId, parent) = await emulator.ReadyServiceAsync("parent");
        await DatabaseEmulator.ExecuteAsync(parent, "create table rows(n int); insert into rows values (1)");

        await emulator.Factory.AdvanceAsync(TimeSpan.FromMinutes(10));
        var between = (string)(await emulator.Client.GetJsonAsync("/_emulator/clock"))["now"]!;
        await emulator.DatabasesAsync();
        await emulator.Factory.AdvanceAsync(TimeSpan.FromMinutes(10));
        await emulator.DatabasesAsync();
        await DatabaseEmulator.ExecuteAsync(parent, "insert into rows values (2)");
        await emulator.Factory.AdvanceAsync(TimeSpan.FromMinutes(10));

        var fork = await emulator.ForkAsync(parentId, new { name = "fork", fork_strategy = "PITR", target_time = between });

        Assert.Equal(1L, await DatabaseEmulator.ScalarAsync<long>(fork, "select sum(n) from rows"));
        await DatabaseEmulator.ExecuteAsync(fork, "insert into rows values (5)");
        Assert.Equal(3L, await DatabaseEmulator.ScalarAsync<long>(parent, "select sum(n) from rows"));
    }
}
