using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TigerEmulator.Testing;

namespace TigerEmulator.Tests.Support;

/// OAuth callers: tokens minted through the control API, and clients that send them as the current Tiger CLI does.
public static class Bearer
{
    public const string MintPath = "/_emulator/tokens";

    /// A user with access to the given projects (created when unknown); the answer of the mint, checked to be a 201.
    public static async Task<JsonNode> MintAsync(this TigerEmulatorFactory factory, string userId, params string[] projects) =>
        await factory.MintAsync(new { user = new { id = userId, name = "Ada Lovelace", email = "ada@example.com" }, projects });

    public static async Task<JsonNode> MintAsync(this TigerEmulatorFactory factory, object body)
    {
        var response = await factory.CreateClient().PostAsJsonAsync(MintPath, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"mint answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// A client at the API root, like CreateTigerClient, that sends <c>Authorization: Bearer token</c> instead of the key.
    public static HttpClient CreateBearerClient(this TigerEmulatorFactory factory, string token)
    {
        var client = factory.CreateTigerClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<HttpClient> MintedClientAsync(this TigerEmulatorFactory factory, string userId, params string[] projects) =>
        factory.CreateBearerClient((string)(await factory.MintAsync(userId, projects))["token"]!);
}
