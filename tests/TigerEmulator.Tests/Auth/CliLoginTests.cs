using System.Net.Http.Json;
using System.Text.Json.Serialization;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Auth;

/// Plays the current Tiger CLI's login: it reads GET /auth/info into the newer revision's AuthInfo (type, api_key,
/// oauth) and takes the project from api_key.project.id, or the user from oauth.user.
public sealed class CliLoginTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Login_WithAKeyPair_ReadsTheKeysProjectFromApiKey()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();

        var info = await client.GetFromJsonAsync<AuthInfo>("auth/info");

        Assert.Equal("apiKey", info!.Type);
        Assert.Equal(factory.ProjectId, info.ApiKey!.Project.Id);
        Assert.Null(info.OAuth);
    }

    [Fact]
    public async Task Login_WithABearerToken_ReadsTypeOAuthAndTheUser()
    {
        using var factory = Emulator.Create(output);
        var client = await factory.MintedClientAsync("1234567", factory.ProjectId);

        var info = await client.GetFromJsonAsync<AuthInfo>("auth/info");

        Assert.Equal("oauth", info!.Type);
        Assert.Equal(new AuthInfoUser("1234567", "Ada Lovelace", "ada@example.com"), info.OAuth!.User);
        Assert.Null(info.ApiKey);
    }

    // The shapes the CLI's generated client reads, by the newer revision's property names.
    private sealed record AuthInfo(
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("api_key")] AuthInfoApiKey? ApiKey,
        [property: JsonPropertyName("oauth")] AuthInfoOAuth? OAuth);

    private sealed record AuthInfoApiKey([property: JsonPropertyName("public_key")] string PublicKey, [property: JsonPropertyName("project")] AuthInfoProject Project);

    private sealed record AuthInfoProject([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("plan_type")] string PlanType);

    private sealed record AuthInfoOAuth([property: JsonPropertyName("user")] AuthInfoUser User);

    private sealed record AuthInfoUser(
        [property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("email")] string Email);
}
