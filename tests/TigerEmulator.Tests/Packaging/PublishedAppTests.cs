using System.Net;
using System.Net.Http.Headers;
using TigerEmulator.Auth;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Packaging;

/// No Docker engine runs here, so the image is checked the next best way: publish as the Dockerfile does and start
/// the output with the image's entrypoint and environment, bound to loopback instead of every interface.
// Publishes the app (tens of seconds): a developer can skip it with --filter "Category!=Slow"; CI runs it.
[Trait("Category", "Slow")]
public sealed class PublishedAppTests(ITestOutputHelper output)
{
    [Fact]
    public async Task PublishedApp_StartedAsTheImageStartsIt_AnswersHealthAndAuthInfo()
    {
        var recipe = PublishedEmulator.Recipe;
        Assert.Equal(["dotnet", "TigerEmulator.dll"], recipe.Entrypoint);
        Assert.Equal(recipe.ExposedPort.ToString(), recipe.Environment["ASPNETCORE_HTTP_PORTS"]);

        await using var app = await PublishedEmulator.StartAsync(output);
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(10) };
        var health = await client.GetAsync("/_emulator/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(
            BasicCredentials.Header(EmulatorOptions.DefaultPublicKey, EmulatorOptions.DefaultSecretKey));
        var info = await client.GetJsonAsync("/public/api/v1/auth/info");
        Assert.Equal(EmulatorOptions.DefaultProjectId, (string?)info["apiKey"]!["project"]!["id"]);
    }
}
