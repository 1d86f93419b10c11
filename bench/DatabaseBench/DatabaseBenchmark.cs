// The data plane's figures (issue 14): create → first connection, a NOW fork of 100 MB, memory of 20 idle services,
// reset with 20 live databases, and GET service throughput with databases on as a ratio to off. In-process, real clock,
// instant timing; needs PostgreSQL installed. With the argument "replicas": replica lag and failover time (issue 15,
// ReplicaBenchmark.cs).
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using TigerEmulator;
using TigerEmulator.Auth;
using TigerEmulator.Bench;

namespace DatabaseBench;

internal static class DatabaseBenchmark
{
    private const string Services = $"/public/api/v1/projects/{EmulatorOptions.DefaultProjectId}/services";

    public static async Task<int> Main(string[] args)
    {
        Repository.UseAsContentRoot();
        if (args is ["replicas", ..])
        {
            return await ReplicaBenchmark.RunAsync();
        }

        var count = args.Length > 0 ? int.Parse(args[0]) : 20;

        await using var on = Host("on");
        using var client = Client(on);

        var firstConnection = new List<double>();
        var connections = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            var (id, connection) = await CreateAsync(client, $"bench-{i}");
            await FirstConnectionAsync(connection);
            firstConnection.Add(clock.Elapsed.TotalMilliseconds);
            connections.Add(connection);
        }

        Console.WriteLine($"create → first connection, {count} services: {Describe(firstConnection, "ms")} (target p50 ≤ 1000, p95 ≤ 2000)");

        var root = Root((await client.GetFromJsonAsync<JsonObject>("/_emulator/databases"))!);
        var pss = PssKilobytes(root);
        Console.WriteLine($"memory of {count} idle services, all postgres processes as PSS: {pss / 1024.0:F1} MB, {pss / 1024.0 / count:F1} MB each (target ≤ 40 MB each)");

        var firstId = (string)(await client.GetFromJsonAsync<JsonArray>(Services))![0]!["service_id"]!;
        using var offHost = Host("off");
        using var offClient = Client(offHost);
        var offId = (string)(await (await offClient.PostAsJsonAsync(Services, new { name = "off" })).Content.ReadFromJsonAsync<JsonObject>())!["service_id"]!;
        var onRate = 0.0;
        var offRate = 0.0;
        for (var round = 0; round < 3; round++)
        {
            offRate += await GetRateAsync(offClient, $"{Services}/{offId}");
            onRate += await GetRateAsync(client, $"{Services}/{firstId}");
        }

        Console.WriteLine($"GET service, in process: on {onRate / 3:F0}/s, off {offRate / 3:F0}/s, ratio {onRate / offRate:F2} (target ≥ 0.95)");

        var reset = Stopwatch.StartNew();
        (await client.PostAsync("/_emulator/reset", null)).EnsureSuccessStatusCode();
        Console.WriteLine($"reset with {count} live databases: {reset.Elapsed.TotalMilliseconds:F0} ms (target ≤ 3000)");

        var (parentId, parent) = await CreateAsync(client, "big-parent");
        await FirstConnectionAsync(parent);
        await using (var session = new NpgsqlConnection(parent))
        {
            await session.OpenAsync();
            await using var fill = new NpgsqlCommand("create table big as select n, repeat(md5(n::text), 32) as filler from generate_series(1, 100000) n", session) { CommandTimeout = 300 };
            await fill.ExecuteNonQueryAsync();
            await using var size = new NpgsqlCommand("select pg_database_size('tsdb')", session);
            Console.WriteLine($"parent holds {(long)(await size.ExecuteScalarAsync())! / 1024 / 1024} MB");
        }

        var fork = Stopwatch.StartNew();
        var forked = await (await client.PostAsJsonAsync($"{Services}/{parentId}/forkService", new { name = "big-fork", fork_strategy = "NOW" })).Content.ReadFromJsonAsync<JsonObject>();
        await FirstConnectionAsync(ConnectionString((int)forked!["endpoint"]!["port"]!, (string)forked["initial_password"]!));
        Console.WriteLine($"NOW fork of the 100 MB parent → fork accepts connections: {fork.Elapsed.TotalMilliseconds:F0} ms (target ≤ 5000)");
        return 0;
    }

    internal static WebApplicationFactory<global::Program> Host(string databases, string ports = "23000-23999") =>
        new WebApplicationFactory<global::Program>().WithWebHostBuilder(b => b
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .UseSetting("TIGER_EMULATOR_TIMING", "instant")
            .UseSetting("TIGER_EMULATOR_DATABASES", databases)
            .UseSetting("TIGER_EMULATOR_DATABASE_PORTS", ports));

    internal static HttpClient Client(WebApplicationFactory<global::Program> host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(BasicCredentials.Header(EmulatorOptions.DefaultPublicKey, EmulatorOptions.DefaultSecretKey));
        return client;
    }

    internal static async Task<(string Id, string Connection)> CreateAsync(HttpClient client, string name)
    {
        var created = await (await client.PostAsJsonAsync(Services, new { name })).Content.ReadFromJsonAsync<JsonObject>();
        return ((string)created!["service_id"]!, ConnectionString((int)created["endpoint"]!["port"]!, (string)created["initial_password"]!));
    }

    internal static string ConnectionString(int port, string password) =>
        $"Host=localhost;Port={port};Database=tsdb;Username=tsdbadmin;Password={password};SSL Mode=Require;Pooling=false;Timeout=2";

    // Polls as a client script would: the first successful query is the moment the service is usable.
    internal static async Task FirstConnectionAsync(string connection)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var session = new NpgsqlConnection(connection);
                await session.OpenAsync();
                return;
            }
            catch (Exception failure) when ((failure is NpgsqlException) && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(10);
            }
        }
    }

    private static async Task<double> GetRateAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        var done = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
            done++;
        }

        return done / clock.Elapsed.TotalSeconds;
    }

    // services/<id>/data → the run's databases folder.
    private static string Root(JsonObject databases) =>
        Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName((string)databases["databases"]![0]!["data_folder"]!)!)!)!;

    // Every postmaster names its data folder; its children are found by their parent.
    private static long PssKilobytes(string root)
    {
        var pids = Directory.GetDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var p) ? p : 0).Where(p => p > 0).ToList();
        var postmasters = pids.Where(p => Read($"/proc/{p}/cmdline").Contains(root, StringComparison.Ordinal)).ToHashSet();
        var all = pids.Where(p => postmasters.Contains(p) || postmasters.Contains(Parent(p)));
        return all.Sum(p => Read($"/proc/{p}/smaps_rollup").Split('\n').Where(l => l.StartsWith("Pss:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])).FirstOrDefault());
    }

    private static int Parent(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        return stat.Length == 0 ? 0 : int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    internal static string Describe(List<double> values, string unit)
    {
        var sorted = values.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return $"p50 {At(0.50):F0} {unit}, p95 {At(0.95):F0} {unit}, max {sorted[^1]:F0} {unit}";
    }
}
