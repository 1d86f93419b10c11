using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Auth;

/// The current Tiger CLI reads the key from <c>api_key</c> (the newer revision) and fails login without it; older
/// clients read <c>apiKey</c>. One answer serves both.
public sealed class AuthInfoTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AuthInfo_SendsTheKeyUnderBothNames_WithTheKeysProject()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();

        var info = await client.GetJsonAsync("auth/info");

        Assert.Equal("apiKey", (string?)info["type"]);
        Assert.Equal(factory.ProjectId, (string?)info["api_key"]!["project"]!["id"]);
        Assert.Equal("tiger-emulator-public-key", (string?)info["api_key"]!["public_key"]);
        Assert.True(JsonNode.DeepEquals(info["api_key"], info["apiKey"]), info.ToJsonString());
    }
}
