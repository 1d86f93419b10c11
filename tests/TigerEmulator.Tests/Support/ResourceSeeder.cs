using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Lifecycle;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Contract;

/// Creates the resources a call needs through the public API, as a client would, and moves the fake clock until
/// they are usable. Every step is checked, so a broken setup fails loudly instead of blaming the call under test.
public sealed class ResourceSeeder(EmulatorFactory factory, HttpClient client)
{
    private const int MaxSteps = 20;

    public string ProjectPath => Api.Project(factory.ProjectId);

    public async Task<string> ReadyServiceAsync(string region = "us-east-1")
    {
        var created = await PostAsync($"{ProjectPath}/services", new { name = "seeded-db", addons = new[] { "time-series" }, region_code = region }, HttpStatusCode.Accepted);
        var id = (string)created["service_id"]!;
        await WaitForStatusAsync(ServicePath(id), "READY");
        return id;
    }

    public async Task<string> VpcAsync(string region = "us-east-1", string cidr = "10.0.0.0/16")
    {
        var created = await PostAsync($"{ProjectPath}/vpcs", new { name = "seeded-vpc", cidr, region_code = region }, HttpStatusCode.Created);
        return (string)created["id"]!;
    }

    public async Task<string> PeeringAsync(string vpcId)
    {
        var created = await PostAsync(
            $"{ProjectPath}/vpcs/{vpcId}/peerings", new { peer_account_id = "acc-1", peer_region_code = "aws-us-east-1", peer_vpc_id = "vpc-1" }, HttpStatusCode.Created);
        return (string)created["id"]!;
    }

    public async Task<string> ActiveReplicaSetAsync(string serviceId)
    {
        var created = await PostAsync(
            $"{ServicePath(serviceId)}/replicaSets", new { name = "seeded-replicas", nodes = 1, cpu_millis = 2000, memory_gbs = 8 }, HttpStatusCode.Accepted);
        var id = (string)created["id"]!;
        await WaitUntilAsync($"{ServicePath(serviceId)}/replicaSets", sets => sets.AsArray().Any(s => (string?)s!["id"] == id && (string?)s["status"] == "active"));
        return id;
    }

    public async Task StopAsync(string serviceId)
    {
        await PostAsync($"{ServicePath(serviceId)}/stop", null, HttpStatusCode.Accepted);
        await WaitForStatusAsync(ServicePath(serviceId), "PAUSED");
    }

    public async Task AttachAsync(string serviceId, string vpcId)
    {
        await PostAsync($"{ServicePath(serviceId)}/attachToVPC", new { vpc_id = vpcId }, HttpStatusCode.Accepted);
        await WaitForStatusAsync(ServicePath(serviceId), "READY");
    }

    public Task<JsonNode> ServiceAsync(string serviceId) => client.GetJsonAsync(ServicePath(serviceId));

    public string ServicePath(string serviceId) => $"{ProjectPath}/services/{serviceId}";

    public Task WaitForStatusAsync(string path, string status) =>
        WaitUntilAsync(path, resource => (string?)resource["status"] == status);

    /// Polls like the CLI does, but on the fake clock: one lifecycle step at a time.
    public async Task WaitUntilAsync(string path, Func<JsonNode, bool> done)
    {
        for (var step = 0; step < MaxSteps; step++)
        {
            if (done(await client.GetJsonAsync(path)))
            {
                return;
            }

            await factory.AdvanceAsync(TimingProfiles.FastStep);
        }

        Assert.Fail($"{path} did not settle within {MaxSteps} lifecycle steps: {(await client.GetJsonAsync(path)).ToJsonString()}");
    }

    private async Task<JsonNode> PostAsync(string path, object? body, HttpStatusCode expected)
    {
        var response = await client.PostAsync(path, body is null ? null : Api.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"setup POST {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}
