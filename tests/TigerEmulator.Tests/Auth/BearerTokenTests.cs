using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Auth;

/// Authorization: Bearer on the contract's operations: a valid token works on its user's projects, and every refusal
/// says why without repeating the token.
public sealed class BearerTokenTests(ITestOutputHelper output)
{
    [Fact]
    public async Task BearerToken_WorksOnTheOperationsOfEachOfItsProjects()
    {
        using var factory = Emulator.Create(output);
        var client = await factory.MintedClientAsync("1234567", factory.ProjectId, "rp1pz7uyae");

        var created = await client.CreateServiceAsync("rp1pz7uyae", new { name = "orders" });
        var path = $"{Api.Project("rp1pz7uyae")}/services/{created["service_id"]}";
        await factory.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("READY", (string?)(await client.GetJsonAsync(path))["status"]);
        Assert.Equal("orders", (string?)Assert.Single((await client.GetJsonAsync($"{Api.Project("rp1pz7uyae")}/services")).AsArray())!["name"]);
        Assert.Empty((await client.GetJsonAsync($"{Api.Project(factory.ProjectId)}/services")).AsArray());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{path}/logs")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"{Api.Project(factory.ProjectId)}/vpcs", Api.Json(new { name = "net", cidr = "10.0.0.0/16", region_code = "us-east-1" }))).StatusCode);
    }

    [Fact]
    public async Task BearerToken_OnAProjectItsUserDoesNotBelongTo_Answers403()
    {
        using var factory = Emulator.Create(output);
        var client = await factory.MintedClientAsync("1234567", "rp1pz7uyae");

        var response = await client.GetAsync($"{Api.Project(factory.ProjectId)}/services");

        await response.AssertErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN", "The token's user does not belong to project 'emuproject'");
    }

    public static TheoryData<string> MalformedHeaders => new()
    {
        "Bearer",
        "Bearer ",
        "Bearer two words",
        "Bearer not,a,token",
        "Bearer =leading-padding",
        "Bearer " + new string('a', 4097),
    };

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public async Task MalformedBearerToken_Answers401SayingSo(string header)
    {
        using var factory = Emulator.Create(output);

        var response = await SendAsync(factory, header);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED",
            "Malformed bearer token: send 'Authorization: Bearer <token>' with a token of letters, digits and -._~+/ (RFC 6750)");
    }

    [Fact]
    public async Task UnknownBearerToken_Answers401SayingSo()
    {
        using var factory = Emulator.Create(output);
        await factory.MintAsync("1234567", factory.ProjectId);

        var response = await factory.CreateBearerClient("tigeremu_never-issued-here").GetAsync("auth/info");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "Unknown bearer token: the emulator never issued it, or was reset since");
    }

    [Fact]
    public async Task ExpiredBearerToken_Answers401OnceTheEmulatedClockPassesItsExpiry()
    {
        using var factory = Emulator.Create(output);
        var minted = await factory.MintAsync(new { user = new { id = "1234567" }, projects = new[] { factory.ProjectId }, expires_in_seconds = 60 });
        var token = (string)minted["token"]!;
        var client = factory.CreateBearerClient(token);
        Assert.Equal("2026-01-15T09:01:00Z", (string?)minted["expires_at"]);

        await factory.AdvanceAsync(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("auth/info")).StatusCode);
        await factory.AdvanceAsync(TimeSpan.FromSeconds(1));
        var response = await client.GetAsync("auth/info");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "The bearer token expired at 2026-01-15T09:01:00Z; sign in again");
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reset_ForgetsMintedTokens()
    {
        using var factory = Emulator.Create(output);
        var client = await factory.MintedClientAsync("1234567", factory.ProjectId);

        await factory.ResetAsync();
        var response = await client.GetAsync("projects");

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "Unknown bearer token");
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateTigerClient().GetAsync("projects")).StatusCode);
    }

    [Fact]
    public async Task Journal_MasksTheBearerToken()
    {
        using var factory = Emulator.Create(output);
        var token = (string)(await factory.MintAsync("1234567", factory.ProjectId))["token"]!;
        await factory.CreateBearerClient(token).GetAsync("auth/info");

        var journal = await factory.GetRequestsAsync("getAuthInfo");

        Assert.Equal("Bearer <redacted>", (string?)Assert.Single(journal)!["request_headers"]!["Authorization"]);
        Assert.DoesNotContain(token, journal.ToJsonString());
    }

    private static Task<HttpResponseMessage> SendAsync(Testing.TigerEmulatorFactory factory, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "auth/info");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return factory.CreateTigerClient().SendAsync(request);
    }
}
