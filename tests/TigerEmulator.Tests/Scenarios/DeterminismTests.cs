using TigerEmulator.Tests.Faults;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Scenarios;

/// The same scenario, seed and calls give byte-identical answers and journals; another seed gives other ids.
public sealed class DeterminismTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SameScenarioSeedAndCalls_GiveIdenticalBodiesAndJournals()
    {
        var first = await RunScriptAsync(seed: "31");
        var second = await RunScriptAsync(seed: "31");

        Assert.Equal(first.Bodies, second.Bodies);
        Assert.Equal(first.Journal, second.Journal);
        Assert.Contains(first.Bodies, body => body.Contains("SERVICE_UNAVAILABLE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnotherSeed_GivesOtherIdsAndPasswords()
    {
        var first = await RunScriptAsync(seed: "31");
        var other = await RunScriptAsync(seed: "32");

        Assert.NotEqual(first.CreatedService, other.CreatedService);
        Assert.NotEqual(first.Bodies[0], other.Bodies[0]);
    }

    /// A client session on the demo scenario: creates, polls, changes, reads logs, and meets a random fault.
    private async Task<(List<string> Bodies, string Journal, string CreatedService)> RunScriptAsync(string seed)
    {
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_SCENARIO"] = "demo" });
        var admin = factory.CreateClient();
        await admin.PostAsync("/_emulator/scenario", Api.Json(new { scenario = "demo", seed = int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture) }));
        await admin.AddFaultAsync(new { operation = "getService", status = 503, probability = 0.4 });
        var client = factory.CreateTigerClient();
        var project = Api.Project("emuproject");
        var bodies = new List<string>();
        async Task Keep(Task<HttpResponseMessage> call) => bodies.Add(await (await call).Content.ReadAsStringAsync());

        var created = await client.PostAsync($"{project}/services", Api.Json(new { name = "script-db", addons = new[] { "ai" } }));
        bodies.Add(await created.Content.ReadAsStringAsync());
        var service = $"{project}/services/{(await created.ReadJsonAsync())["service_id"]}";
        await Keep(client.PostAsync($"{project}/vpcs", Api.Json(new { name = "script-vpc", cidr = "10.50.0.0/16", region_code = "us-east-1" })));
        await Keep(client.GetAsync($"{project}/services"));
        for (var poll = 0; poll < 6; poll++)
        {
            await factory.AdvanceAsync(TimeSpan.FromSeconds(1));
            await Keep(client.GetAsync(service));
        }

        await Keep(client.PostAsync($"{service}/forkService", Api.Json(new { fork_strategy = "NOW" })));
        await Keep(client.PostAsync($"{service}/updatePassword", Api.Json(new { password = "a-new-secret-1" })));
        await Keep(client.GetAsync($"{service}/logs"));
        await Keep(client.GetAsync($"{project}/vpcs"));
        var journal = (await admin.GetJsonAsync("/_emulator/requests")).ToJsonString();
        return (bodies, journal, service);
    }
}
