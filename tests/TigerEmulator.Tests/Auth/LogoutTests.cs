using System.Net;
using System.Text;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Auth;

/// POST /auth/logout: a bearer token is revoked (every later call 401); a key pair is not a session and stays valid.
public sealed class LogoutTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Logout_WithABearerToken_Answers204_ThenEveryCallWithItIs401Revoked()
    {
        using var factory = Emulator.Create(output);
        var client = await factory.MintedClientAsync("1234567", factory.ProjectId);

        var logout = await client.PostAsync("auth/logout", Api.Json(new { refresh_token = "a-refresh-token" }));

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Empty(await logout.Content.ReadAsByteArrayAsync());
        foreach (var path in new[] { "auth/info", "projects", $"{Api.Project(factory.ProjectId)}/services" })
        {
            await (await client.GetAsync(path)).AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "The bearer token was revoked by a logout; sign in again");
        }

        await (await client.PostAsync("auth/logout", null)).AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "revoked");
    }

    [Fact]
    public async Task Logout_RevokesOnlyTheTokenItWasCalledWith()
    {
        using var factory = Emulator.Create(output);
        var first = await factory.MintedClientAsync("1234567", factory.ProjectId);
        var second = await factory.MintedClientAsync("1234567", factory.ProjectId);

        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync("auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("auth/info")).StatusCode);
    }

    [Fact]
    public async Task Logout_WithAKeyPair_Answers204_AndTheKeyStillWorks()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();

        var logout = await client.PostAsync("auth/logout", Api.Json("{}"));

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("auth/info")).StatusCode);
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "{\"refresh_token\": ", "application/json", "Request body is not valid JSON" },
        { "[]", "application/json", "Request body must be a JSON object" },
        { "{\"refresh_token\": 42}", "application/json", "'refresh_token' must be a string, not a number" },
        { "{\"refresh_token\": {\"value\": \"x\"}}", "application/json", "'refresh_token' must be a string, not a mapping" },
        { "{\"refresh_token\": \" \"}", "application/json", "'refresh_token' must not be empty" },
        { "refresh_token=x", "application/x-www-form-urlencoded", "Content-Type must be application/json, not 'application/x-www-form-urlencoded" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Logout_WithABadBody_Answers400_AndRevokesNothing(string body, string contentType, string message)
    {
        using var factory = Emulator.Create(output);
        var client = await factory.MintedClientAsync("1234567", factory.ProjectId);

        var response = await client.PostAsync("auth/logout", new StringContent(body, Encoding.UTF8, contentType));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", message);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("auth/info")).StatusCode);
    }

    [Fact]
    public async Task Logout_KeepsTheRefreshTokenOutOfTheJournal()
    {
        using var factory = Emulator.Create(output);
        var client = await factory.MintedClientAsync("1234567", factory.ProjectId);
        await client.PostAsync("auth/logout", Api.Json(new { refresh_token = "refresh-secret-value" }));

        var entry = Assert.Single(await factory.GetRequestsAsync("logout"))!;

        // The journal shows a JSON body as JSON: the one property, masked.
        var body = entry["request_body"]!.AsObject();
        Assert.Equal(["refresh_token"], body.Select(property => property.Key).ToArray());
        Assert.Equal("<redacted>", (string?)body["refresh_token"]);
        Assert.DoesNotContain("refresh-secret-value", entry.ToJsonString());
    }
}
