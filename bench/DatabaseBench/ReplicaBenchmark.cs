// Issue 15's replica figures: replica lag (a commit on the primary → the row visible on a read replica set, p50/p95 over
// 100 writes) and failover time (the failover call, which SIGKILLs the primary → a new connection's write succeeds;
// median of several). In-process, real clock, instant timing, 127.0.0.1 only, bounded in time; disposing the host
// stops every server it started.
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using TigerEmulator;

namespace DatabaseBench;

internal static class ReplicaBenchmark
{
    private const string Services = $"/public/api/v1/projects/{EmulatorOptions.DefaultProjectId}/services";
    private const int Writes = 100;
    private const int Failovers = 5;

    public static async Task<int> RunAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var host = DatabaseBenchmark.Host("on", "34500-34599");
        using var client = DatabaseBenchmark.Client(host);

        var (id, primary) = await DatabaseBenchmark.CreateAsync(client, "replicated");
        await DatabaseBenchmark.FirstConnectionAsync(primary);
        (await client.PostAsJsonAsync($"{Services}/{id}/setHA", new { replica_count = 1 }, bound.Token)).EnsureSuccessStatusCode();
        await WaitAsync(client, $"{Services}/{id}", body => (string?)body["status"] == "READY", bound.Token);
        var set = await (await client.PostAsJsonAsync($"{Services}/{id}/replicaSets", new { name = "readers", nodes = 1, cpu_millis = 1000, memory_gbs = 4 }, bound.Token))
            .Content.ReadFromJsonAsync<JsonObject>(bound.Token);
        await WaitAsync(client, $"{Services}/{id}/replicaSets", body => body.AsArray().Any(s => (string?)s!["status"] == "active"), bound.Token);
        var replica = primary.Replace($"Port={new NpgsqlConnectionStringBuilder(primary).Port}", $"Port={(int)set!["endpoint"]!["port"]!}", StringComparison.Ordinal);

        Console.WriteLine($"replica lag, commit on the primary → visible on the read replica, {Writes} writes: {DatabaseBenchmark.Describe(await LagAsync(primary, replica, bound.Token), "ms")}");
        Console.WriteLine($"failover (call → a new connection's write succeeds), {Failovers} runs: {Median(await FailoverAsync(client, id, primary, bound.Token)):F0} ms median");
        return 0;
    }

    private static async Task<List<double>> LagAsync(string primary, string replica, CancellationToken cancellationToken)
    {
        await using var writer = new NpgsqlConnection(primary);
        await writer.OpenAsync(cancellationToken);
        await new NpgsqlCommand("create table lag(n int primary key)", writer).ExecuteNonQueryAsync(cancellationToken);
        await using var reader = new NpgsqlConnection(replica);
        await reader.OpenAsync(cancellationToken);
        var lags = new List<double>();
        for (var n = 1; n <= Writes; n++)
        {
            await new NpgsqlCommand($"insert into lag values ({n})", writer).ExecuteNonQueryAsync(cancellationToken);
            var committed = Stopwatch.StartNew();

            // The table reaches the replica with the first row's WAL; until then the read fails, which counts as not yet.
            while (!await SeenAsync(reader, n, cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            lags.Add(committed.Elapsed.TotalMilliseconds);
        }

        return lags;
    }

    private static async Task<bool> SeenAsync(NpgsqlConnection reader, int n, CancellationToken cancellationToken)
    {
        try
        {
            return await new NpgsqlCommand($"select count(*) from lag where n = {n}", reader).ExecuteScalarAsync(cancellationToken) is 1L;
        }
        catch (PostgresException failure) when (failure.SqlState == "42P01")
        {
            return false;
        }
    }

    private static async Task<List<double>> FailoverAsync(HttpClient client, string id, string primary, CancellationToken cancellationToken)
    {
        await using (var setup = new NpgsqlConnection(primary))
        {
            await setup.OpenAsync(cancellationToken);
            await new NpgsqlCommand("create table failover(n int)", setup).ExecuteNonQueryAsync(cancellationToken);
        }

        var times = new List<double>();
        for (var run = 0; run < Failovers; run++)
        {
            var killed = await StartedAtAsync(primary, cancellationToken);
            var clock = Stopwatch.StartNew();
            (await client.PostAsync($"/_emulator/services/{id}/failover", null, cancellationToken)).EnsureSuccessStatusCode();
            while (!await WritesAsync(primary, run, killed, cancellationToken))
            {
                await Task.Delay(5, cancellationToken);
            }

            times.Add(clock.Elapsed.TotalMilliseconds);

            // The next run starts from a whole HA count again.
            await WaitAsync(client, $"{Services}/{id}", body => (string?)body["status"] == "READY", cancellationToken);
        }

        return times;
    }

    // A write counts once it lands on the promoted server (a postmaster started after the killed one), not on the
    // killed primary in the moment before the kill.
    private static async Task<bool> WritesAsync(string primary, int run, DateTime killed, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = new NpgsqlConnection(primary);
            await session.OpenAsync(cancellationToken);
            await new NpgsqlCommand($"insert into failover values ({run})", session).ExecuteNonQueryAsync(cancellationToken);
            return await StartedAtAsync(session, cancellationToken) != killed;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static async Task<DateTime> StartedAtAsync(string connection, CancellationToken cancellationToken)
    {
        await using var session = new NpgsqlConnection(connection);
        await session.OpenAsync(cancellationToken);
        return await StartedAtAsync(session, cancellationToken);
    }

    private static async Task<DateTime> StartedAtAsync(NpgsqlConnection session, CancellationToken cancellationToken) =>
        (DateTime)(await new NpgsqlCommand("select pg_postmaster_start_time()", session).ExecuteScalarAsync(cancellationToken))!;

    private static async Task WaitAsync(HttpClient client, string path, Func<JsonNode, bool> done, CancellationToken cancellationToken)
    {
        while (!done((await client.GetFromJsonAsync<JsonNode>(path, cancellationToken))!))
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
