using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Scenarios;
using TigerEmulator.Tests.Faults;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Scenarios;

/// Every scenario in scenarios/ loads, and does what its description promises.
public sealed class ShippedScenarioTests(ITestOutputHelper output)
{
    private static readonly string[] Names =
        ["default", "demo", "flaky-api", "peering-failure", "rate-limited", "slow-provisioning", "unstable-service"];

    public static readonly TheoryData<string> Shipped = new(Names);

    [Fact]
    public void ShippedList_IsEveryScenarioTheEmulatorCanFind()
    {
        using var factory = Emulator.Create(output);
        Assert.Equal(Names, factory.Services.GetRequiredService<ScenarioLocator>().Known());
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public async Task ShippedScenario_LoadsAtRunTimeByName(string name)
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateClient();

        var response = await client.PostAsync("/_emulator/scenario", Api.Json(new { scenario = name }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(name, (string?)(await response.ReadJsonAsync())["name"]);
        Assert.Equal(name, (string?)(await client.GetJsonAsync("/_emulator/scenario"))["name"]);
    }

    [Fact]
    public async Task Default_IsOneEmptyProjectWithTheDocumentedKey()
    {
        using var factory = ScenarioRuns.Running("default");
        var client = factory.CreateTigerClient();

        var info = await client.GetJsonAsync("/public/api/v1/auth/info");

        Assert.Equal("tiger-emulator-public-key", (string?)info["apiKey"]!["public_key"]);
        Assert.Equal("emuproject", (string?)info["apiKey"]!["project"]!["id"]);
        Assert.Empty((await client.GetJsonAsync($"{Api.Project("emuproject")}/services")).AsArray());
        Assert.Empty((await client.GetJsonAsync($"{Api.Project("emuproject")}/vpcs")).AsArray());
        Assert.Empty((await client.GetJsonAsync("/_emulator/faults")).AsArray());
    }

    [Fact]
    public async Task Demo_IsAPopulatedProject_TheSameOnEveryRun()
    {
        var runs = new List<(string Services, string Vpcs)>();
        foreach (var run in new[] { 1, 2 })
        {
            using var factory = ScenarioRuns.Running("demo");
            var client = factory.CreateTigerClient();
            runs.Add(((await client.GetJsonAsync($"{Api.Project("emuproject")}/services")).ToJsonString(),
                (await client.GetJsonAsync($"{Api.Project("emuproject")}/vpcs")).ToJsonString()));
        }

        Assert.Equal(runs[0], runs[1]);
        var services = JsonNode.Parse(runs[0].Services)!.AsArray();
        Assert.Equal(9, services.Count);
        Assert.Equal(3, JsonNode.Parse(runs[0].Vpcs)!.AsArray().Count);
        Assert.All(services, s => Assert.Matches("^[a-z0-9-]+$", (string)s!["name"]!));
        var orders = services.Single(s => (string?)s!["service_id"] == "demodb0001")!;
        Assert.Equal(("orders-db", "READY", "PROD"), ((string?)orders["name"], (string?)orders["status"], (string?)orders["metadata"]!["environment"]));
        Assert.Equal((1, 1), ((int)orders["ha_replicas"]!["replica_count"]!, (int)orders["ha_replicas"]!["sync_replica_count"]!));
        Assert.NotNull(orders["connection_pooler"]);
        Assert.Equal("demodb0001.1000000001.vpc.tsdb.cloud.timescale.com", (string?)orders["vpcEndpoint"]!["host"]);
        var reporting = Assert.Single(orders["read_replica_sets"]!.AsArray())!;
        Assert.Equal(("reporting", "active", 2), ((string?)reporting["name"], (string?)reporting["status"], (int)reporting["nodes"]!));
    }

    [Fact]
    public async Task SlowProvisioning_CreatingAServiceTakesFifteenMinutes()
    {
        using var factory = ScenarioRuns.Running("slow-provisioning");
        var client = factory.CreateTigerClient();
        Assert.Equal("QUEUED", (string?)(await client.GetJsonAsync($"{Api.Project("emuproject")}/services/slowdb0001"))["status"]);
        var path = $"{Api.Project("emuproject")}/services/{(await client.CreateServiceAsync("emuproject"))["service_id"]}";

        await factory.AdvanceAsync(TimeSpan.FromSeconds(449));
        Assert.Equal("QUEUED", (string?)(await client.GetJsonAsync(path))["status"]);
        await factory.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal("CONFIGURING", (string?)(await client.GetJsonAsync(path))["status"]);
        await factory.AdvanceAsync(TimeSpan.FromSeconds(450));
        Assert.Equal("READY", (string?)(await client.GetJsonAsync(path))["status"]);
        Assert.Equal("realistic", (string?)(await client.GetJsonAsync("/_emulator/clock"))["profile"]);
    }

    [Fact]
    public async Task FlakyApi_FailsTheSameFewCallsWith503AndRetryAfter()
    {
        using var factory = ScenarioRuns.Running("flaky-api");
        var client = factory.CreateTigerClient();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 20; i++)
        {
            responses.Add(await client.GetAsync($"{Api.Project("emuproject")}/vpcs"));
        }

        var failed = responses.Select((r, i) => (r, i)).Where(p => p.r.StatusCode == HttpStatusCode.ServiceUnavailable).Select(p => p.i).ToList();
        Assert.Equal([15], failed);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        await responses[15].AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE", "Service temporarily unavailable, please retry");
        Assert.Equal(TimeSpan.FromSeconds(1), responses[15].Headers.RetryAfter?.Delta);
        var latency = (await client.GetJsonAsync("/_emulator/faults")).AsArray().Single(r => (string?)r!["id"] == "flaky-latency")!;
        Assert.Equal(20, (int)latency["fired"]!);
    }

    [Fact]
    public async Task RateLimited_CallsSixToEightAnswer429WithRetryAfter()
    {
        using var factory = ScenarioRuns.Running("rate-limited");
        var client = factory.CreateTigerClient();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            responses.Add(await client.GetAsync($"{Api.Project("emuproject")}/services"));
        }

        Assert.Equal([200, 200, 200, 200, 200, 429, 429, 429, 200, 200], responses.Select(r => (int)r.StatusCode));
        await responses[5].AssertErrorAsync(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS", "Rate limit exceeded; retry after 2 seconds");
        Assert.Equal(TimeSpan.FromSeconds(2), responses[7].Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task UnstableService_RecoversFromUnstable_AndAResizeFallsToUnstableThenRecovers()
    {
        using var factory = ScenarioRuns.Running("unstable-service");
        var client = factory.CreateTigerClient();
        var wobbly = $"{Api.Project("emuproject")}/services/wobbly0001";
        var steady = $"{Api.Project("emuproject")}/services/steady0001";
        Assert.Equal("UNSTABLE", (string?)(await client.GetJsonAsync(wobbly))["status"]);
        await factory.AdvanceAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("READY", (string?)(await client.GetJsonAsync(wobbly))["status"]);

        var resize = await client.PostAsync($"{steady}/resize", Api.Json(new { cpu_millis = "2000", memory_gbs = "8" }));
        Assert.Equal(HttpStatusCode.Accepted, resize.StatusCode);
        Assert.Equal("CONFIGURING", (string?)(await client.GetJsonAsync(steady))["status"]);
        await factory.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal("UNSTABLE", (string?)(await client.GetJsonAsync(steady))["status"]);
        await factory.AdvanceAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("READY", (string?)(await client.GetJsonAsync(steady))["status"]);
    }

    [Fact]
    public async Task PeeringFailure_EveryPeeringEndsFailedWithAnErrorMessage()
    {
        using var factory = ScenarioRuns.Running("peering-failure");
        var client = factory.CreateTigerClient();
        var vpc = $"{Api.Project("emuproject")}/vpcs/2000000001";
        Assert.Equal("pending", (string?)(await client.GetJsonAsync($"{vpc}/peerings/2000000002"))["status"]);
        var created = await client.PostAsync($"{vpc}/peerings", Api.Json(new { peer_account_id = "999", peer_region_code = "us-east-1", peer_vpc_id = "vpc-1" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await factory.AdvanceAsync(TimeSpan.FromSeconds(2));

        var peerings = (await client.GetJsonAsync($"{vpc}/peerings")).AsArray();
        Assert.Equal(2, peerings.Count);
        Assert.All(peerings, p =>
        {
            Assert.Equal("failed", (string?)p!["status"]);
            Assert.Equal("VPC vpc-0a1b2c3d4e5f67890 was not found in account 123456789012", (string?)p["error_message"]);
        });
    }
}
