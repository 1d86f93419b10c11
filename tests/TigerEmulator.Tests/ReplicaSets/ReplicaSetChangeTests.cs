using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.ReplicaSets;

/// A replica set's life as its service shows it: created, resized, deleted.
public sealed class ReplicaSetChangeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Create_BecomesActive_AndShowsOnTheService()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var serviceId = await seeder.ReadyServiceAsync();

        var setId = await seeder.ReplicaSetAsync(serviceId);
        Assert.Equal("creating", await seeder.ReplicaSetStatusAsync(serviceId, setId));
        await UntilActiveAsync(seeder, serviceId, setId);

        var set = SetOf(await seeder.ServiceAsync(serviceId), setId)!;
        Assert.Equal((1, 2000, 8), ((int)set["nodes"]!, (int)set["cpu_millis"]!, (int)set["memory_gbs"]!));
    }

    [Fact]
    public async Task Resize_ChangesTheSetsSize()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var serviceId = await seeder.ReadyServiceAsync();
        var setId = await seeder.ActiveReplicaSetAsync(serviceId);

        await emulator.PostAsync($"{seeder.ServicePath(serviceId)}/replicaSets/{setId}/resize", new { cpu_millis = "1000", memory_gbs = "4" }, HttpStatusCode.Accepted);
        Assert.Equal("resizing", await seeder.ReplicaSetStatusAsync(serviceId, setId));
        await UntilActiveAsync(seeder, serviceId, setId);

        var set = SetOf(await seeder.ServiceAsync(serviceId), setId)!;
        Assert.Equal((1000, 4), ((int)set["cpu_millis"]!, (int)set["memory_gbs"]!));
    }

    [Fact]
    public async Task Delete_RemovesTheSetFromTheServicesReadReplicaSets()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var serviceId = await seeder.ReadyServiceAsync();
        var setId = await seeder.ActiveReplicaSetAsync(serviceId);

        var delete = await emulator.Client.DeleteAsync($"{seeder.ServicePath(serviceId)}/replicaSets/{setId}");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        await seeder.WaitUntilAsync(seeder.ServicePath(serviceId), service => SetOf(service, setId) is null);

        Assert.Null(await seeder.ReplicaSetStatusAsync(serviceId, setId));
    }

    private static Task UntilActiveAsync(ResourceSeeder seeder, string serviceId, string setId) =>
        seeder.WaitUntilAsync(seeder.ServicePath(serviceId), service => (string?)SetOf(service, setId)?["status"] == "active");

    private static JsonNode? SetOf(JsonNode service, string setId) =>
        service["read_replica_sets"]?.AsArray().FirstOrDefault(set => (string?)set!["id"] == setId);
}
