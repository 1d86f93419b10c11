using Npgsql;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// What the emulator's front on a service's port passes to the server besides sessions.
[Trait("Category", "Database")]
public sealed class DatabaseFrontTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CancelRequest_IsRelayed_TheRunningStatementIsCanceled_TheSessionCarriesOn()
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, connection) = await emulator.ReadyServiceAsync();
        await using var session = new NpgsqlConnection(connection);
        await session.OpenAsync();
        await using var sleeping = new NpgsqlCommand("select pg_sleep(60)", session);

        var running = sleeping.ExecuteNonQueryAsync();
        await DatabaseEmulator.EventuallyAsync(
            async () => await DatabaseEmulator.ScalarAsync<long>(connection, "select count(*) from pg_stat_activity where query = 'select pg_sleep(60)' and state = 'active'") == 1,
            "the statement runs");
        sleeping.Cancel();

        // Npgsql wraps the server's answer to a cancel it asked for.
        var canceled = Assert.IsType<PostgresException>((await Assert.ThrowsAsync<OperationCanceledException>(() => running)).InnerException);
        Assert.Equal(("57014", "canceling statement due to user request"), (canceled.SqlState, canceled.MessageText));
        Assert.Equal(1, await new NpgsqlCommand("select 1", session).ExecuteScalarAsync());
    }

    [Fact]
    public async Task TheEmulatorsSuperuser_IsRefusedThroughTheFront()
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, connection) = await emulator.ReadyServiceAsync();

        var refused = await DatabaseEmulator.RefusedAsync(new NpgsqlConnectionStringBuilder(connection) { Username = "tiger_emulator" }.ConnectionString);
        Assert.Equal(("28000", "pg_hba.conf rejects connection for host \"127.0.0.1\", user \"tiger_emulator\", database \"tsdb\", SSL encryption"), (refused.SqlState, refused.MessageText));
    }
}
