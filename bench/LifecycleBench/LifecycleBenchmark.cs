// 10,000 services in transition at once: how late past its due time each transition lands, and what GET latency
// does meanwhile. In-process (WebApplicationFactory, real clock), bounded in count and time.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using TigerEmulator;
using TigerEmulator.Auth;
using TigerEmulator.Lifecycle;
using TigerEmulator.Bench;

namespace LifecycleBench;

internal static class LifecycleBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        Repository.UseAsContentRoot();
        var count = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        var stepSeconds = args.Length > 1 ? int.Parse(args[1]) : 20;
        var deadline = Stopwatch.StartNew();
        var limit = TimeSpan.FromMinutes(5);

        var lateness = new ConcurrentBag<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LifecycleMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => lateness.Add(value));
        listener.Start();

        await using var factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(b => b.UseSetting("Logging:LogLevel:Default", "Warning"));
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(BasicCredentials.Header(EmulatorOptions.DefaultPublicKey, EmulatorOptions.DefaultSecretKey));
        var services = $"/public/api/v1/projects/{EmulatorOptions.DefaultProjectId}/services";
        (await client.PutAsJsonAsync("/_emulator/transitions/service/create", new { seconds = stepSeconds })).EnsureSuccessStatusCode();

        var ids = new ConcurrentBag<string>();
        var creating = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var response = await client.PostAsJsonAsync(services, new { name = $"bench-{i}" });
            response.EnsureSuccessStatusCode();
            ids.Add((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["service_id"]!);
        });
        Console.WriteLine($"created {count} services in {creating.Elapsed.TotalSeconds:F1} s; each step lasts {stepSeconds} s");

        var idList = ids.ToArray();
        var getLatency = new ConcurrentBag<double>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            var random = new Random(7);
            while (!stop.IsCancellationRequested && deadline.Elapsed < limit)
            {
                var started = Stopwatch.GetTimestamp();
                (await client.GetAsync($"{services}/{idList[random.Next(idList.Length)]}")).EnsureSuccessStatusCode();
                getLatency.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });

        // Two transitions per service: QUEUED → CONFIGURING → READY.
        while (lateness.Count < 2 * count && deadline.Elapsed < limit)
        {
            await Task.Delay(250);
        }

        stop.Cancel();
        await reader;
        Console.WriteLine($"transitions applied: {lateness.Count} of {2 * count}");
        Console.WriteLine($"lateness past due: {Percentiles.Describe(lateness, " ms")}");
        Console.WriteLine($"GET service meanwhile: {Percentiles.Describe(getLatency, " ms")}");
        Console.WriteLine($"total {deadline.Elapsed.TotalSeconds:F1} s");
        return lateness.Count >= 2 * count ? 0 : 1;
    }
}
