using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Auth;
using TigerEmulator.Storage;
using TigerEmulator.Tests.Scenarios;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Auth;

/// A scenario seeds OAuth users and their tokens, with the token values written in the file so tests can use them.
public sealed class SeededTokenTests(ITestOutputHelper output)
{
    private const string Scenario = """
        name: oauth-users
        projects:
          - id: rp1pz7uyae
            name: Production
        users:
          - id: "1234567"
            name: Ada Lovelace
            email: ada@example.com
            projects: [emuproject, rp1pz7uyae]
          - id: "7654321"
            projects: [rp1pz7uyae]
        tokens:
          - token: ada-token-0001
            user: "1234567"
          - token: short-lived-0002
            user: "7654321"
            expires_in_seconds: 30
        """;

    [Fact]
    public async Task SeededToken_SignsInAsItsUser_OnTheProjectsTheUserBelongsTo()
    {
        using var file = ScenarioRuns.Write("oauth.yml", Scenario);
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_SCENARIO"] = file.Path });
        var ada = factory.CreateBearerClient("ada-token-0001");

        var info = await ada.GetJsonAsync("auth/info");
        var projects = await ada.GetJsonAsync("projects");

        Assert.Equal("""{"type":"oauth","oauth":{"user":{"id":"1234567","name":"Ada Lovelace","email":"ada@example.com"}}}""", info.ToJsonString());
        Assert.Equal("""[{"id":"emuproject","name":"Emulator Project"},{"id":"rp1pz7uyae","name":"Production"}]""", projects.ToJsonString());
        Assert.Equal(HttpStatusCode.Accepted, (await ada.PostAsync($"{Api.Project("rp1pz7uyae")}/services", Api.Json(new { name = "seeded-oauth-db" }))).StatusCode);
    }

    [Fact]
    public async Task SeededToken_WithALifetime_ExpiresThatLongAfterTheScenarioIsApplied_AndResetRenewsIt()
    {
        using var file = ScenarioRuns.Write("oauth.yml", Scenario);
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_SCENARIO"] = file.Path });
        var client = factory.CreateBearerClient("short-lived-0002");
        var forbidden = await client.GetAsync($"{Api.Project("emuproject")}/services");
        await forbidden.AssertErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN", "The token's user does not belong to project 'emuproject'");

        await factory.AdvanceAsync(TimeSpan.FromSeconds(30));
        await (await client.GetAsync("projects")).AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "The bearer token expired at 2026-01-15T09:00:30Z");

        await factory.ResetAsync();
        Assert.Equal("""[{"id":"rp1pz7uyae","name":"Production"}]""", (await client.GetJsonAsync("projects")).ToJsonString());
    }

    [Fact]
    public void SeededToken_IsStoredOnlyAsAHash()
    {
        using var file = ScenarioRuns.Write("oauth.yml", Scenario);
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_SCENARIO"] = file.Path });
        factory.CreateClient().Dispose();

        var stored = factory.Services.GetRequiredService<IStore<AccessTokenDocument>>().All();

        Assert.Equal(
            new[] { BearerTokens.Hash("ada-token-0001"), BearerTokens.Hash("short-lived-0002") }.Order(),
            stored.Select(token => token.Id).Order());
        Assert.DoesNotContain(stored, token => token.ToString().Contains("ada-token-0001") || token.ToString().Contains("short-lived-0002"));
    }
}
