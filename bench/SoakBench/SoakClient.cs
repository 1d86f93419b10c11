using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace TigerEmulator.Bench;

/// One HTTP client for every worker, counting every answer by status and timing it.
internal sealed class SoakClient
{
    public const string Project = "/public/api/v1/projects/emuproject";

    private readonly HttpClient http;
    private readonly ConcurrentBag<double> latencies = [];
    private readonly ConcurrentDictionary<int, int> statuses = new();
    private readonly ConcurrentDictionary<string, int> failures = new();

    public SoakClient(Uri server)
    {
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("tiger-emulator-public-key:tiger-emulator-secret-key")));
    }

    public async Task WaitUntilUpAsync(TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            try
            {
                if ((await http.GetAsync("/_emulator/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(100);
        }
    }

    /// Sends one request and returns its status and parsed body (null when there is none or it is not JSON).
    public async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, object? body = null, string? operation = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        var clock = Stopwatch.StartNew();
        using var answer = await http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        latencies.Add(clock.Elapsed.TotalMilliseconds);
        var status = (int)answer.StatusCode;
        statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status >= 500)
        {
            failures.TryAdd($"{operation ?? path}: {status} {text}", 0);
        }

        JsonNode? parsed = null;
        if (text.Length > 0 && text[0] is '{' or '[')
        {
            parsed = JsonNode.Parse(text);
        }

        return (status, parsed);
    }

    public (string Summary, int ServerErrors) Report()
    {
        var sorted = latencies.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        var byStatus = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));
        var errors = statuses.Where(s => s.Key >= 500).Sum(s => s.Value);
        var summary = $"requests: {sorted.Length} ({byStatus}); p50 {At(0.5):F2} ms, p99 {At(0.99):F2} ms"
            + string.Concat(failures.Keys.Take(10).Select(f => $"\n  5xx: {f}"));
        return (summary, errors);
    }
}
