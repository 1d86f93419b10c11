// What one request costs the emulator itself, without sockets or a competing load generator: server CPU time and
// bytes allocated per request, for the routes perf.sh measures over HTTP. In-process through WebApplicationFactory's
// TestServer, so the figures are steady on a busy machine where req/s is not. Bounded: a fixed count per route.
// Usage: dotnet run -c Release --project bench/HotPathBench [-- requests=20000]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TigerEmulator.Bench;

namespace HotPathBench;

internal static class HotPath
{
    private const string Project = "/public/api/v1/projects/emuproject";

    public static async Task Main(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        Repository.UseAsContentRoot();
        await using var factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("TIGER_EMULATOR_TIMING", "instant");
            host.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("tiger-emulator-public-key:tiger-emulator-secret-key")));

        var service = await CreateAsync(client);
        for (var i = 0; i < 99; i++)
        {
            await CreateAsync(client);
        }

        Console.WriteLine($"{requests} requests a route, 8 at a time, after {requests / 4} of warm-up");
        Console.WriteLine("route                        | µs CPU/request | KB allocated/request");
        await MeasureAsync("floor: GET /_emulator/health", requests, () => client.GetAsync("/_emulator/health"));
        await MeasureAsync("GET service", requests, () => client.GetAsync($"{Project}/services/{service}"));
        using var bearer = factory.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await MintAsync(bearer));
        await MeasureAsync("GET service, bearer token", requests, () => bearer.GetAsync($"{Project}/services/{service}"));
        await MeasureAsync("GET services (100)", requests / 10, () => client.GetAsync($"{Project}/services"));
        await MeasureAsync("POST create service", requests / 4, () => client.PostAsync($"{Project}/services", Json("{\"name\":\"x\"}")));
        await MeasureAsync("GET logs page", requests / 20, () => client.GetAsync($"{Project}/services/{service}/logs"));
    }

    private static async Task<string> CreateAsync(HttpClient client)
    {
        using var answer = await client.PostAsync($"{Project}/services", Json("{\"name\":\"x\"}"));
        var body = await answer.Content.ReadAsStringAsync();
        return body.Split("\"service_id\":\"")[1].Split('"')[0];
    }

    // A user of the seeded project, as an OAuth login would give: the bearer path hashes the token on every request.
    private static async Task<string> MintAsync(HttpClient client)
    {
        using var answer = await client.PostAsync("/_emulator/tokens", Json("{\"user\":{\"id\":\"1234567\"},\"projects\":[\"emuproject\"]}"));
        var body = await answer.Content.ReadAsStringAsync();
        return body.Split("\"token\":\"")[1].Split('"')[0];
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task MeasureAsync(string route, int count, Func<Task<HttpResponseMessage>> send)
    {
        await RunAsync(count / 4, send);
        GC.Collect();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        await RunAsync(count, send);
        var cpuPer = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / count;
        var allocatedPer = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{route,-28} | {cpuPer,14:F1} | {allocatedPer,20:F1}"));
    }

    // Eight callers at once, like a small load, each waiting for its answer before sending the next.
    private static async Task RunAsync(int count, Func<Task<HttpResponseMessage>> send)
    {
        var left = count;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                using var answer = await send();
                if (!answer.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{answer.RequestMessage!.RequestUri} answered {(int)answer.StatusCode}");
                }

                await answer.Content.ReadAsByteArrayAsync();
            }
        }));
    }
}
