using System.Net;
using TigerEmulator.Testing;

namespace TigerEmulator.Tests.Support;

/// The one way tests create resources: through the public API, as a client would, moving the fake clock until
/// they are usable. Every step is checked, so a broken setup fails loudly instead of blaming the call under test.
public sealed partial class ResourceSeeder(TigerEmulatorFactory factory, HttpClient client)
{
    public TigerEmulatorFactory Factory => factory;

    public string ProjectPath => Api.Project(factory.ProjectId);

    public string ServicePath(string serviceId) => $"{ProjectPath}/services/{serviceId}";

    public string VpcPath(string vpcId) => $"{ProjectPath}/vpcs/{vpcId}";

    /// Creates a service (by default a time-series one in us-east-1) and waits until it is READY.
    public async Task<string> ReadyServiceAsync(object? body = null)
    {
        var created = await PostAsync($"{ProjectPath}/services", body ?? new { name = "seeded-db", addons = new[] { "time-series" }, region_code = "us-east-1" }, HttpStatusCode.Accepted);
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
            $"{VpcPath(vpcId)}/peerings", new { peer_account_id = "acc-1", peer_region_code = "aws-us-east-1", peer_vpc_id = "vpc-1" }, HttpStatusCode.Created);
        return (string)created["id"]!;
    }

    /// Asks for a replica set and returns its id at once, while it is still being created.
    public async Task<string> ReplicaSetAsync(string serviceId)
    {
        var created = await PostAsync(
            $"{ServicePath(serviceId)}/replicaSets", new { name = "seeded-replicas", nodes = 1, cpu_millis = 2000, memory_gbs = 8 }, HttpStatusCode.Accepted);
        return (string)created["id"]!;
    }

    public async Task<string> ActiveReplicaSetAsync(string serviceId)
    {
        var id = await ReplicaSetAsync(serviceId);
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
}
