using System.Net;
using System.Net.Http.Headers;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Admin;

public sealed class ControlApiTests(ITestOutputHelper output)
{
    private TigerEmulatorFactory WithToken() =>
        Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_ADMIN_TOKEN"] = "s3cret-token" });

    [Fact]
    public async Task WithoutAToken_TheControlApiIsOpen()
    {
        using var factory = Emulator.Create(output);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/_emulator/faults")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task WithAToken_TheControlApiRefusesAMissingOrWrongOne(string? presented)
    {
        using var factory = WithToken();
        var client = factory.CreateClient();
        if (presented is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", presented);
        }

        var response = await client.PostAsync("/_emulator/reset", null);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED",
            "The control API needs the admin token: send 'Authorization: Bearer <token>' or 'X-Emulator-Token: <token>'");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task WithAToken_BearerOrHeaderOpensIt_AndHealthStaysOpen()
    {
        using var factory = WithToken();
        var bearer = factory.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-token");
        var header = factory.CreateClient();
        header.DefaultRequestHeaders.Add("X-Emulator-Token", "s3cret-token");

        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/_emulator/requests")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await header.GetAsync("/_emulator/scenario")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/_emulator/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateTigerClient().GetAsync("/public/api/v1/auth/info")).StatusCode);
    }

    [Fact]
    public async Task EveryControlRoute_AppearsInTheEmulatorSwaggerDocument()
    {
        using var factory = Emulator.Create(output);

        var paths = (await factory.CreateClient().GetJsonAsync("/swagger/emulator/swagger.json"))["paths"]!.AsObject();

        Assert.Superset(
            new HashSet<string> { "/_emulator/health", "/_emulator/scenario", "/_emulator/faults", "/_emulator/faults/{id}", "/_emulator/requests", "/_emulator/requests/count" },
            paths.Select(p => p.Key).ToHashSet());
        Assert.DoesNotContain(paths, p => p.Key.StartsWith("/public/api/v1", StringComparison.Ordinal));
    }
}
