using Npgsql;
using TigerEmulator.Tests.Metrics;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// Storage and connections of a service with a real server are that server's own figures, sampled once per scrape
/// minute so that a request repeated gets the same answer.
[Trait("Category", "Database")]
public sealed class ServerMetricsTests(ITestOutputHelper output)
{
    private const string Connections = "timescale_cloud_database_num_connections";

    [Fact]
    public async Task ThreeOpenConnections_AreCounted_AndStorageIsTheDatabasesSize_TheSameForARepeatedRequest()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();
        var sessions = new List<NpgsqlConnection>();
        for (var i = 0; i < 3; i++)
        {
            var session = new NpgsqlConnection(connection);
            await session.OpenAsync();
            sessions.Add(session);
        }

        // A scrape falls on each whole minute the server has run.
        await emulator.Factory.AdvanceAsync(TimeSpan.FromMinutes(1));
        var now = emulator.Factory.Clock.GetUtcNow().UtcDateTime;
        var path = MetricsClient.SeriesPath(emulator.Factory.ProjectId, id);
        var connectionsBody = MetricsClient.Body(Connections, now.AddMinutes(-5), now.AddMinutes(1), 60);
        var counted = Newest(MetricsClient.Points(await MetricsClient.SeriesAsync(emulator.Client, path, connectionsBody)));
        var storage = Newest(MetricsClient.Points(await MetricsClient.SeriesAsync(emulator.Client, path, MetricsClient.Body(MetricsClient.DiskUsage, now.AddMinutes(-5), now.AddMinutes(1), 60))));
        var size = await DatabaseEmulator.ScalarAsync<long>(connection, "select pg_database_size('tsdb')");
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }

        Assert.True(counted >= 3, $"{counted} connections");
        Assert.Equal(size, storage);
        var again = MetricsClient.Points(await MetricsClient.SeriesAsync(emulator.Client, path, connectionsBody));
        Assert.Equal(counted, Newest(again));

        // The next scrape minute asks the server again: the three are gone, and the minute before keeps its reading.
        // A closed connection's backend leaves the server a moment after the client: waited for, as the scrape would
        // otherwise count one still on its way out (seen once under a full test run's load).
        await DatabaseEmulator.EventuallyAsync(
            async () => await DatabaseEmulator.ScalarAsync<long>(connection, "select count(*) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()") == counted - 3,
            "the three connections' backends have left the server");
        await emulator.Factory.AdvanceAsync(TimeSpan.FromMinutes(1));
        var later = MetricsClient.Points(await MetricsClient.SeriesAsync(emulator.Client, path, MetricsClient.Body(Connections, now.AddMinutes(-5), now.AddMinutes(2), 60)));
        Assert.Equal(counted - 3, Newest(later));
        Assert.Equal(counted, later.Last(p => p.Time <= now).Value);
    }

    private static double? Newest(List<(DateTime Time, double? Value)> points) => points.Last(point => point.Value is not null).Value;
}
