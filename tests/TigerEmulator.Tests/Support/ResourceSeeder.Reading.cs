using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Lifecycle;

namespace TigerEmulator.Tests.Support;

/// Reading back what was seeded, and waiting on the fake clock for it to settle.
public sealed partial class ResourceSeeder
{
    private const int MaxSteps = 20;

    public Task<JsonNode> ServiceAsync(string serviceId) => client.GetJsonAsync(ServicePath(serviceId));

    /// The status of the resource at <paramref name="path"/>, or null once it is gone (404).
    public async Task<string?> StatusAsync(string path)
    {
        var response = await client.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string?)(await response.ReadJsonAsync())["status"];
    }

    public async Task<string?> ReplicaSetStatusAsync(string serviceId, string setId)
    {
        var sets = (await client.GetJsonAsync($"{ServicePath(serviceId)}/replicaSets")).AsArray();
        return sets.FirstOrDefault(s => (string?)s!["id"] == setId) is JsonNode set ? (string?)set["status"] : null;
    }

    public Task WaitForStatusAsync(string path, string status) =>
        WaitUntilAsync(path, resource => (string?)resource["status"] == status);

    /// Polls like the CLI does, but on the fake clock: one lifecycle step at a time.
    public async Task WaitUntilAsync(string path, Func<JsonNode, bool> done)
    {
        for (var step = 0; step < MaxSteps; step++)
        {
            if (done(await client.GetJsonAsync(path)))
            {
                return;
            }

            await factory.AdvanceAsync(TimingProfiles.FastStep);
        }

        Assert.Fail($"{path} did not settle within {MaxSteps} lifecycle steps: {(await client.GetJsonAsync(path)).ToJsonString()}");
    }

    private async Task<JsonNode> PostAsync(string path, object? body, HttpStatusCode expected)
    {
        var response = await client.PostAsync(path, body is null ? null : Api.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"setup POST {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}
