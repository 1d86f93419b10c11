using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TigerEmulator.Tests.Support;

/// Small helpers for talking to the emulator as a client would, and for asserting on its answers.
public static class Api
{
    public const string Prefix = "/public/api/v1";

    public static string Project(string projectId) => $"{Prefix}/projects/{projectId}";

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(object body) => Json(JsonSerializer.Serialize(body));

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())
        ?? throw new InvalidOperationException("empty body");

    /// Asserts the whole Tiger error body: the status, the code string and a message containing the given text.
    public static async Task AssertErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string code, string messagePart)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(["code", "message"], body.Select(p => p.Key).Order().ToArray());
        Assert.Equal(code, (string?)body["code"]);
        Assert.Contains(messagePart, (string?)body["message"]);
    }

    public static async Task<JsonNode> CreateServiceAsync(this HttpClient client, string projectId, object? body = null)
    {
        var response = await client.PostAsync($"{Project(projectId)}/services", Json(body ?? new { name = "test-db", addons = new[] { "time-series" } }));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body);
}
