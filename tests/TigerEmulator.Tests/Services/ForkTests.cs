using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Services;

/// A fork takes what the contract says is always inherited from its parent, and nothing of its HA setup.
public sealed class ForkTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Fork_InheritsRegionTypeAndSize_NamesItsParent_AndHasNoHaReplicas()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var parentId = await seeder.ReadyServiceAsync(new { name = "parent", addons = new[] { "time-series" }, region_code = "eu-west-1", cpu_millis = "2000", memory_gbs = "8", replica_count = 1 });
        var parent = await seeder.ServiceAsync(parentId);
        Assert.Equal(1, (int)parent["ha_replicas"]!["replica_count"]!);

        var response = await emulator.PostAsync($"{seeder.ServicePath(parentId)}/forkService", new { name = "the-fork", fork_strategy = "NOW" }, HttpStatusCode.Accepted);
        var forkId = (string)(await response.ReadJsonAsync())["service_id"]!;
        await seeder.WaitForStatusAsync(seeder.ServicePath(forkId), "READY");

        var fork = await seeder.ServiceAsync(forkId);
        Assert.NotEqual(parentId, forkId);
        Assert.Equal((string?)parent["region_code"], (string?)fork["region_code"]);
        Assert.Equal((string?)parent["service_type"], (string?)fork["service_type"]);
        Assert.Equal(parent["resources"]![0]!["spec"]!.ToJsonString(), fork["resources"]![0]!["spec"]!.ToJsonString());
        Assert.Equal(parentId, (string?)fork["forked_from"]!["service_id"]);
        Assert.Equal(emulator.Factory.ProjectId, (string?)fork["forked_from"]!["project_id"]);
        Assert.Equal(0, (int?)fork["ha_replicas"]?["replica_count"] ?? 0);
    }
}
