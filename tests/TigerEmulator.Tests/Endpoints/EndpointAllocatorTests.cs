using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TigerEmulator.Endpoints;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Endpoints;

/// Where services and replica sets are reached comes from one replaceable allocator, and stays with the resource.
public sealed class EndpointAllocatorTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ReplacedAllocator_GivesServicesAndReplicaSetsTheirAddresses_ForTheirLife()
    {
        var allocator = new CountingAllocator();
        using var factory = Emulator.Create(output, services: services =>
        {
            services.RemoveAll<IEndpointAllocator>();
            services.AddSingleton<IEndpointAllocator>(allocator);
        });
        var client = factory.CreateTigerClient();
        var project = Api.Project(factory.ProjectId);

        var service = await client.CreateServiceAsync(factory.ProjectId, new { name = "db" });
        var id = (string)service["service_id"]!;
        await factory.AdvanceAsync(TimeSpan.FromSeconds(4));
        var set = await client.PostAsync($"{project}/services/{id}/replicaSets", Api.Json(new { name = "r", nodes = 1, cpu_millis = 500, memory_gbs = 2 }));
        Assert.Equal(HttpStatusCode.Accepted, set.StatusCode);
        var enable = await client.PostAsync($"{project}/services/{id}/enablePooler", null);
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        var read = await client.GetJsonAsync($"{project}/services/{id}");

        Assert.Equal(("localhost", 15432), ((string?)service["endpoint"]!["host"], (int)service["endpoint"]!["port"]!));
        Assert.Equal(("localhost", 15432), ((string?)read["endpoint"]!["host"], (int)read["endpoint"]!["port"]!));
        Assert.Equal(15433, (int)read["connection_pooler"]!["endpoint"]!["port"]!);
        Assert.Equal(15434, (int)(await set.ReadJsonAsync())["endpoint"]!["port"]!);
        Assert.Equal(["service " + id, "replicaSet " + (string)read["read_replica_sets"]![0]!["id"]!], allocator.Asked);
    }

    private sealed class CountingAllocator : IEndpointAllocator
    {
        public List<string> Asked { get; } = [];

        public EndpointAddress Allocate(string kind, string id, string projectId)
        {
            Asked.Add($"{kind} {id}");
            return new EndpointAddress("localhost", 15432 + (2 * (Asked.Count - 1)));
        }
    }
}
