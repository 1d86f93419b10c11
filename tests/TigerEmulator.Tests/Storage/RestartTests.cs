using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Storage;

public sealed class RestartTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDataFolder folder = new();

    private string dataDir => folder.Path;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Restart_OnSameDataFolder_ReadsEverythingBackEqual()
    {
        string vpcPath, peeringPath, servicePath, setsPath;
        JsonNode vpc, peering, service, sets;
        await using (var first = Emulator.Create(output, dataDir))
        {
            var client = first.CreateTigerClient();
            var project = Api.Project(first.ProjectId);
            var createdVpc = await client.PostAsync($"{project}/vpcs", Api.Json(new { name = "prod-vpc", cidr = "10.1.0.0/16", region_code = "us-east-1" }));
            Assert.Equal(HttpStatusCode.Created, createdVpc.StatusCode);
            vpcPath = $"{project}/vpcs/{(await createdVpc.ReadJsonAsync())["id"]}";
            var createdPeering = await client.PostAsync($"{vpcPath}/peerings", Api.Json(new { peer_account_id = "acc-1", peer_region_code = "us-east-1", peer_vpc_id = "vpc-9" }));
            Assert.Equal(HttpStatusCode.Created, createdPeering.StatusCode);
            peeringPath = $"{vpcPath}/peerings/{(await createdPeering.ReadJsonAsync())["id"]}";

            servicePath = $"{project}/services/{(await client.CreateServiceAsync(first.ProjectId))["service_id"]}";
            await first.AdvanceAsync(TimeSpan.FromMinutes(1));
            var createdSet = await client.PostAsync($"{servicePath}/replicaSets", Api.Json(new { name = "reporting", nodes = 2, cpu_millis = 1000, memory_gbs = 4 }));
            Assert.Equal(HttpStatusCode.Accepted, createdSet.StatusCode);
            setsPath = $"{servicePath}/replicaSets";

            vpc = await client.GetJsonAsync(vpcPath);
            peering = await client.GetJsonAsync(peeringPath);
            service = await client.GetJsonAsync(servicePath);
            sets = await client.GetJsonAsync(setsPath);
        }

        await using var second = Emulator.Create(output, dataDir);
        var again = second.CreateTigerClient();
        Assert.Equal(vpc.ToJsonString(), (await again.GetJsonAsync(vpcPath)).ToJsonString());
        Assert.Equal(peering.ToJsonString(), (await again.GetJsonAsync(peeringPath)).ToJsonString());
        Assert.Equal(service.ToJsonString(), (await again.GetJsonAsync(servicePath)).ToJsonString());
        Assert.Equal(sets.ToJsonString(), (await again.GetJsonAsync(setsPath)).ToJsonString());
        Assert.Equal("creating", (string?)sets[0]!["status"]);
        Assert.Single(sets.AsArray());
    }

    [Fact]
    public async Task Restart_OnSameDataFolder_NewResourcesGetFreshIds()
    {
        string first;
        await using (var before = Emulator.Create(output, dataDir))
        {
            first = (string)(await before.CreateTigerClient().CreateServiceAsync(before.ProjectId))["service_id"]!;
        }

        await using var after = Emulator.Create(output, dataDir);
        var client = after.CreateTigerClient();
        var second = (string)(await client.CreateServiceAsync(after.ProjectId))["service_id"]!;

        Assert.NotEqual(first, second);
        Assert.Equal(2, (await client.GetJsonAsync(Api.Project(after.ProjectId) + "/services")).AsArray().Count);
    }

    [Fact]
    public async Task RepeatedRestarts_NeverLoseOrCorruptAnsweredWrites()
    {
        var expected = new List<string>();
        for (var run = 0; run < 12; run++)
        {
            await using var factory = Emulator.Create(output, dataDir);
            var client = factory.CreateTigerClient();
            var listed = (await client.GetJsonAsync(Api.Project(factory.ProjectId) + "/vpcs")).AsArray().Select(v => (string)v!["name"]!).ToList();
            Assert.Equal(expected.Order(), listed.Order());
            for (var i = 0; i < 5; i++)
            {
                var name = $"vpc-{run}-{i}";
                var created = await client.PostAsync(Api.Project(factory.ProjectId) + "/vpcs", Api.Json(new { name, cidr = "10.0.0.0/16", region_code = "us-east-1" }));
                Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                expected.Add(name);
            }
        }
    }
}
