using System.Net;
using TigerEmulator.Lifecycle;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Tests.Support;
using TigerEmulator.Vpcs;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Lifecycle;

/// Every row of the transition table, driven through the API on the fake clock, each step observed through GET.
public sealed class TransitionTableTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(2);

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var action in RegisteredTable.Instance.All.Where(a => a.StartedBy is not null))
        {
            rows.Add(action.Kind, action.Name);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Row_PassesThroughEachStep_AndEndsWhereTheTableSays(string kind, string name)
    {
        var action = RegisteredTable.Instance.Find(kind, name)!;
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        var (trigger, observe) = await ArrangeAsync(action, seeder, client);

        var response = await trigger();
        Assert.True(response.IsSuccessStatusCode, $"{kind}/{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        foreach (var status in action.Steps.Select(step => step.Status))
        {
            Assert.Equal(status, await observe());
            await factory.AdvanceAsync(Step - TimeSpan.FromMilliseconds(1));
            Assert.Equal(status, await observe());
            await factory.AdvanceAsync(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(action.FinalStatus, await observe());
    }

    private static async Task<(Func<Task<HttpResponseMessage>> Trigger, Func<Task<string?>> Observe)> ArrangeAsync(
        LifecycleAction action, ResourceSeeder seeder, HttpClient client)
    {
        if (action.Kind == VpcKinds.Peering)
        {
            var vpc = await seeder.VpcAsync();
            string? peering = null;
            return (async () =>
            {
                var response = await client.PostAsync($"{seeder.ProjectPath}/vpcs/{vpc}/peerings", Api.Json(new { peer_account_id = "acc-1", peer_region_code = "us-east-1", peer_vpc_id = "vpc-1" }));
                peering = (string?)(await response.ReadJsonAsync())["id"];
                return response;
            }, () => seeder.StatusAsync($"{seeder.ProjectPath}/vpcs/{vpc}/peerings/{peering}"));
        }

        if (action.Kind == ReplicaSetLifecycle.Kind)
        {
            var service = await seeder.ReadyServiceAsync();
            string? set = action == ReplicaSetLifecycle.Create ? null : await ActiveReplicaSetAsync(seeder, service);
            var sets = $"{seeder.ServicePath(service)}/replicaSets";
            Func<Task<HttpResponseMessage>> trigger = action.Name switch
            {
                "create" => async () =>
                {
                    var response = await client.PostAsync(sets, Api.Json(new { name = "r", nodes = 2, cpu_millis = 1000, memory_gbs = 4 }));
                    set = (string?)(await response.ReadJsonAsync())["id"];
                    return response;
                },
                "resize" => () => client.PostAsync($"{sets}/{set}/resize", Api.Json(new { cpu_millis = "2000", memory_gbs = "8" })),
                _ => () => client.DeleteAsync($"{sets}/{set}"),
            };
            return (trigger, () => seeder.ReplicaSetStatusAsync(service, set!));
        }

        if (action == ServiceLifecycle.Create)
        {
            string? created = null;
            return (async () =>
            {
                var response = await client.PostAsync($"{seeder.ProjectPath}/services", Api.Json(new { name = "db" }));
                created = (string?)(await response.ReadJsonAsync())["service_id"];
                return response;
            }, () => seeder.StatusAsync(seeder.ServicePath(created!)));
        }

        var id = await seeder.ReadyServiceAsync();
        var path = seeder.ServicePath(id);
        string? fork = null;
        switch (action.Name)
        {
            case "start":
                Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"{path}/stop", null)).StatusCode);
                await seeder.Factory.AdvanceAsync(Step);
                Assert.Equal("PAUSED", await seeder.StatusAsync(path));
                return (() => client.PostAsync($"{path}/start", null), () => seeder.StatusAsync(path));
            case "detachFromVPC":
                var attached = await seeder.VpcAsync();
                Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"{path}/attachToVPC", Api.Json(new { vpc_id = attached }))).StatusCode);
                await seeder.Factory.AdvanceAsync(Step);
                return (() => client.PostAsync($"{path}/detachFromVPC", Api.Json(new { vpc_id = attached })), () => seeder.StatusAsync(path));
            case "fork":
                return (async () =>
                {
                    var response = await client.PostAsync($"{path}/forkService", Api.Json(new { fork_strategy = "NOW" }));
                    fork = (string?)(await response.ReadJsonAsync())["service_id"];
                    return response;
                }, () => seeder.StatusAsync(seeder.ServicePath(fork!)));
        }

        var vpc2 = action.Name == "attachToVPC" ? await seeder.VpcAsync() : null;
        Func<Task<HttpResponseMessage>> act = action.Name switch
        {
            "resize" => () => client.PostAsync($"{path}/resize", Api.Json(new { cpu_millis = "2000", memory_gbs = "8" })),
            "setHA" => () => client.PostAsync($"{path}/setHA", Api.Json(new { replica_count = 1 })),
            "attachToVPC" => () => client.PostAsync($"{path}/attachToVPC", Api.Json(new { vpc_id = vpc2 })),
            "stop" => () => client.PostAsync($"{path}/stop", null),
            "delete" => () => client.DeleteAsync(path),
            _ => throw new InvalidOperationException($"no arrangement for {action.Describe()}"),
        };
        return (act, () => seeder.StatusAsync(path));
    }

    private static async Task<string> ActiveReplicaSetAsync(ResourceSeeder seeder, string service)
    {
        var set = await seeder.ReplicaSetAsync(service);
        await seeder.Factory.AdvanceAsync(Step);
        Assert.Equal("active", await seeder.ReplicaSetStatusAsync(service, set));
        return set;
    }
}
