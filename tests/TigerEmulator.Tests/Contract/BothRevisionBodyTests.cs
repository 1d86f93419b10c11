using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// Where the two revisions name or shape an answer differently, the answer carries both, with the same values,
/// so a client generated from either reads what it expects.
public sealed class BothRevisionBodyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AttachedService_SendsItsVpcEndpointUnderBothNames_AndNeitherOnceDetached()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var serviceId = await seeder.ReadyServiceAsync();
        var vpcId = await seeder.VpcAsync();

        await seeder.AttachAsync(serviceId, vpcId);
        var attached = await seeder.ServiceAsync(serviceId);
        output.WriteLine(attached.ToJsonString());

        Assert.Equal(vpcId, (string?)attached["vpc_endpoint"]!["vpc_id"]);
        Assert.True(JsonNode.DeepEquals(attached["vpc_endpoint"], attached["vpcEndpoint"]), attached.ToJsonString());

        await emulator.PostAsync($"{seeder.ServicePath(serviceId)}/detachFromVPC", new { vpc_id = vpcId }, HttpStatusCode.Accepted);
        await seeder.WaitForStatusAsync(seeder.ServicePath(serviceId), "READY");
        var detached = (await seeder.ServiceAsync(serviceId)).AsObject();
        Assert.False(detached.ContainsKey("vpc_endpoint") || detached.ContainsKey("vpcEndpoint"), detached.ToJsonString());
    }

    [Fact]
    public async Task RenameVpc_AnswersTheRenamedVpc_AndTheNewerRevisionsSuccessMessage()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var vpcId = await seeder.VpcAsync(cidr: "10.4.0.0/16");

        var response = await emulator.PostAsync($"{seeder.VpcPath(vpcId)}/rename", new { name = "renamed-vpc" }, HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(
            new JsonObject { ["id"] = vpcId, ["name"] = "renamed-vpc", ["cidr"] = "10.4.0.0/16", ["region_code"] = "us-east-1", ["message"] = "VPC renamed to renamed-vpc" }.ToJsonString(),
            body.ToJsonString());
    }

    [Fact]
    public async Task ResizeReplicaSet_Answers202WithTheNewerRevisionsSuccessMessage_AndTheNewSize()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var serviceId = await seeder.ReadyServiceAsync();
        var setId = await seeder.ActiveReplicaSetAsync(serviceId);

        var response = await emulator.PostAsync(
            $"{seeder.ServicePath(serviceId)}/replicaSets/{setId}/resize", new { cpu_millis = "4000", memory_gbs = "16" }, HttpStatusCode.Accepted);

        Assert.Equal("""{"message":"Resize request has been accepted and is in progress"}""", await response.Content.ReadAsStringAsync());
        var set = (await emulator.Client.GetJsonAsync($"{seeder.ServicePath(serviceId)}/replicaSets")).AsArray().Single()!;
        Assert.Equal((4000, 16), ((int)set["cpu_millis"]!, (int)set["memory_gbs"]!));
    }

    /// The newer revision's paths and vpc_id bodies take digits only (^[0-9]+$); the older takes any string.
    [Fact]
    public async Task CreatedVpcAndPeering_HaveIdsOfDigits()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;

        var vpcId = await seeder.VpcAsync();
        var peeringId = await seeder.PeeringAsync(vpcId);

        Assert.Matches("^[0-9]{10}$", vpcId);
        Assert.Matches("^[0-9]{10}$", peeringId);
    }
}
