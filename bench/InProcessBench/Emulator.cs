using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TigerEmulator.Bench;

namespace InProcessBench;

/// One emulator hosted in this process, as a test suite hosts it, and the calls the benchmarks need to set it up.
internal sealed class Emulator : IAsyncDisposable
{
    public const string Project = "/public/api/v1/projects/emuproject";

    private readonly WebApplicationFactory<global::Program> factory;

    public Emulator(IReadOnlyDictionary<string, string> settings)
    {
        Repository.UseAsContentRoot();
        factory = new WebApplicationFactory<global::Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }
        });
        Client = factory.CreateClient();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("tiger-emulator-public-key:tiger-emulator-secret-key")));
    }

    public HttpClient Client { get; }

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// Sends and reads the whole answer, as a client would; anything but a 2xx stops the run, so an error path can
    /// never pass for speed.
    public async Task<int> SendAsync(HttpRequestMessage request)
    {
        using var answer = await Client.SendAsync(request);
        var body = await answer.Content.ReadAsByteArrayAsync();
        return answer.IsSuccessStatusCode
            ? body.Length
            : throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)answer.StatusCode}");
    }

    public Task<int> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public Task<int> PostAsync(string path, string json) => SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(json) });

    public async Task<string> CreateServiceAsync()
    {
        using var answer = await Client.PostAsync($"{Project}/services", Json("{\"name\":\"bench\"}"));
        var body = await answer.Content.ReadAsStringAsync();
        return answer.IsSuccessStatusCode
            ? body.Split("\"service_id\":\"")[1].Split('"')[0]
            : throw new InvalidOperationException($"POST services answered {(int)answer.StatusCode}: {body}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
    }
}
