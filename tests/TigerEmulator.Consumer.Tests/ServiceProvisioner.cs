using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TigerEmulator.Consumer.Tests;

/// Stands for the user's own code under test: it creates a service, retries what the cloud asks it to retry,
/// and waits for READY the way the Tiger CLI does — one GET a second.
public sealed class ServiceProvisioner(HttpClient tiger, string projectId, Func<TimeSpan, Task> wait)
{
    public int Attempts { get; private set; }

    public async Task<string> CreateAndWaitAsync(string name, int maxAttempts = 3)
    {
        HttpResponseMessage response;
        do
        {
            Attempts++;
            response = await tiger.PostAsJsonAsync($"projects/{projectId}/services", new { name, addons = new[] { "time-series" } });
            if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests && Attempts < maxAttempts)
            {
                await wait(TimeSpan.FromSeconds(1));
                continue;
            }

            break;
        }
        while (true);

        response.EnsureSuccessStatusCode();
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["service_id"]!;
        for (var polls = 0; polls < 1800; polls++)
        {
            var service = await tiger.GetFromJsonAsync<JsonObject>($"projects/{projectId}/services/{id}");
            if ((string?)service!["status"] == "READY")
            {
                return id;
            }

            await wait(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException($"service {id} never became READY");
    }
}
