using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Vpcs;

/// What renaming, deleting and attaching change about a VPC and the resources tied to it.
public sealed class VpcChangeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Rename_IsVisibleInGet()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var vpcId = await seeder.VpcAsync();

        await emulator.PostAsync($"{seeder.VpcPath(vpcId)}/rename", new { name = "renamed-vpc" }, HttpStatusCode.OK);

        Assert.Equal("renamed-vpc", (string?)(await emulator.Client.GetJsonAsync(seeder.VpcPath(vpcId)))["name"]);
    }

    [Fact]
    public async Task DeleteVpc_RemovesItsPeerings()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var vpcId = await seeder.VpcAsync();
        var peeringPath = $"{seeder.VpcPath(vpcId)}/peerings/{await seeder.PeeringAsync(vpcId)}";
        Assert.Equal(HttpStatusCode.OK, (await emulator.Client.GetAsync(peeringPath)).StatusCode);

        var delete = await emulator.Client.DeleteAsync(seeder.VpcPath(vpcId));
        Assert.True(delete.IsSuccessStatusCode, $"DELETE answered {(int)delete.StatusCode}");
        await emulator.Factory.AdvanceAsync(TimeSpan.FromMinutes(1));

        await (await emulator.Client.GetAsync(seeder.VpcPath(vpcId))).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", vpcId);
        await (await emulator.Client.GetAsync(peeringPath)).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", vpcId);
    }

    [Fact]
    public async Task AttachAndDetach_SetAndClearTheServicesVpcEndpoint()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var serviceId = await seeder.ReadyServiceAsync();
        var vpcId = await seeder.VpcAsync();
        Assert.Null((await seeder.ServiceAsync(serviceId))["vpcEndpoint"]);

        await seeder.AttachAsync(serviceId, vpcId);
        var attached = (await seeder.ServiceAsync(serviceId))["vpcEndpoint"];
        Assert.NotNull(attached);
        output.WriteLine($"vpcEndpoint while attached: {attached.ToJsonString()}");

        await emulator.PostAsync($"{seeder.ServicePath(serviceId)}/detachFromVPC", new { vpc_id = vpcId }, HttpStatusCode.Accepted);
        await seeder.WaitForStatusAsync(seeder.ServicePath(serviceId), "READY");
        Assert.Null((await seeder.ServiceAsync(serviceId))["vpcEndpoint"]);
    }
}
