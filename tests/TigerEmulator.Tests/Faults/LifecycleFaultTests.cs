using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Faults;

/// Lifecycle effects act on a resource's next due step in the background; a client sees them by polling.
public sealed class LifecycleFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Stall_HoldsTheStepUntilTheClockIsAdvancedThroughTheControlApi()
    {
        using var factory = Emulator.Create(output);
        var client = RealSocket.StartAuthenticated(factory);
        await client.AddFaultAsync(new { effect = "stall", operation = "createService", times = 1 });
        var path = $"{Api.Project(factory.ProjectId)}/services/{(await client.CreateServiceAsync(factory.ProjectId))["service_id"]}";

        await factory.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal("QUEUED", (string?)(await client.GetJsonAsync(path))["status"]);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/_emulator/clock/advance", Api.Json(new { seconds = 0 }))).StatusCode);
        Assert.Equal("CONFIGURING", (string?)(await client.GetJsonAsync(path))["status"]);
        await factory.AdvanceAsync(Step);
        Assert.Equal("READY", (string?)(await client.GetJsonAsync(path))["status"]);
    }

    [Fact]
    public async Task Unstable_ServiceFallsToUnstable_ThenRecoversToReady()
    {
        using var factory = Emulator.Create(output);
        var client = RealSocket.StartAuthenticated(factory);
        await client.AddFaultAsync(new { effect = "unstable", operation = "createService", times = 1 });
        var path = $"{Api.Project(factory.ProjectId)}/services/{(await client.CreateServiceAsync(factory.ProjectId))["service_id"]}";

        await factory.AdvanceAsync(Step);
        Assert.Equal("UNSTABLE", (string?)(await client.GetJsonAsync(path))["status"]);
        await factory.AdvanceAsync(Step);
        Assert.Equal("READY", (string?)(await client.GetJsonAsync(path))["status"]);
    }

    [Fact]
    public async Task Unstable_WithoutRecovery_StaysUnstable()
    {
        using var factory = Emulator.Create(output);
        var client = RealSocket.StartAuthenticated(factory);
        await client.AddFaultAsync(new { effect = "unstable", recover = false });
        var path = $"{Api.Project(factory.ProjectId)}/services/{(await client.CreateServiceAsync(factory.ProjectId))["service_id"]}";

        await factory.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal("UNSTABLE", (string?)(await client.GetJsonAsync(path))["status"]);
    }

    [Fact]
    public async Task ReplicaError_LeavesTheReplicaSetInError()
    {
        using var factory = Emulator.Create(output);
        var client = RealSocket.StartAuthenticated(factory);
        var service = $"{Api.Project(factory.ProjectId)}/services/{(await client.CreateServiceAsync(factory.ProjectId))["service_id"]}";
        await factory.AdvanceAsync(Step * 2);
        await client.AddFaultAsync(new { effect = "replica_error", operation = "createReplicaSet" });

        var created = await client.PostAsync($"{service}/replicaSets", Api.Json(new { name = "reporting", nodes = 1, cpu_millis = 1000, memory_gbs = 4 }));
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        await factory.AdvanceAsync(TimeSpan.FromHours(1));

        var sets = (await client.GetJsonAsync($"{service}/replicaSets")).AsArray();
        Assert.Equal("error", (string?)Assert.Single(sets)!["status"]);
        Assert.Equal("READY", (string?)(await client.GetJsonAsync(service))["status"]);
    }

    [Fact]
    public async Task PeeringFailure_EndsFailedWithTheErrorMessage()
    {
        using var factory = Emulator.Create(output);
        var client = RealSocket.StartAuthenticated(factory);
        var vpc = await client.PostAsync($"{Api.Project(factory.ProjectId)}/vpcs", Api.Json(new { name = "main", cidr = "10.0.0.0/16", region_code = "us-east-1" }));
        var vpcPath = $"{Api.Project(factory.ProjectId)}/vpcs/{(await vpc.ReadJsonAsync())["id"]}";
        await client.AddFaultAsync(new { effect = "peering_failure", message = "Peer account 123 rejected the request" });

        var created = await client.PostAsync($"{vpcPath}/peerings", Api.Json(new { peer_account_id = "123", peer_region_code = "us-east-1", peer_vpc_id = "vpc-9" }));
        var peering = $"{vpcPath}/peerings/{(await created.ReadJsonAsync())["id"]}";
        Assert.Equal("pending", (string?)(await client.GetJsonAsync(peering))["status"]);
        await factory.AdvanceAsync(Step);

        var failed = await client.GetJsonAsync(peering);
        Assert.Equal("failed", (string?)failed["status"]);
        Assert.Equal("Peer account 123 rejected the request", (string?)failed["error_message"]);
    }
}
