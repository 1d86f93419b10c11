using System.Net;
using TigerEmulator.Lifecycle;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Tests.Support;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Tests.Lifecycle;

/// Every row of the transition table, driven through the API on the fake clock, each step observed through GET.
public sealed class TransitionTableTests
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
        using var factory = new EmulatorFactory();
        var client = factory.CreateAuthenticatedClient();
        var paths = new ResourcePaths(factory, client);
        var (trigger, observe) = await ArrangeAsync(action, paths, client);

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
        LifecycleAction action, ResourcePaths paths, HttpClient client)
    {
        if (action.Kind == VpcKinds.Peering)
        {
            var vpc = await paths.VpcAsync();
            string? peering = null;
            return (async () =>
            {
                var response = await client.PostAsync($"{paths.Project}/vpcs/{vpc}/peerings", Api.Json(new { peer_account_id = "acc-1", peer_region_code = "us-east-1", peer_vpc_id = "vpc-1" }));
                peering = (string?)(await response.ReadJsonAsync())["id"];
                return response;
            }, () => paths.StatusAsync($"{paths.Project}/vpcs/{vpc}/peerings/{peering}"));
        }

        if (action.Kind == ReplicaSetLifecycle.Kind)
        {
            var service = await paths.ReadyServiceAsync();
            string? set = action == ReplicaSetLifecycle.Create ? null : await ActiveReplicaSetAsync(paths, service);
            var sets = $"{paths.Service(service)}/replicaSets";
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
            return (trigger, () => paths.ReplicaSetStatusAsync(service, set!));
        }

        if (action == ServiceLifecycle.Create)
        {
            string? created = null;
            return (async () =>
            {
                var response = await client.PostAsync($"{paths.Project}/services", Api.Json(new { name = "db" }));
                created = (string?)(await response.ReadJsonAsync())["service_id"];
                return response;
            }, () => paths.StatusAsync(paths.Service(created!)));
        }

        var id = await paths.ReadyServiceAsync();
        var path = paths.Service(id);
        string? fork = null;
        switch (action.Name)
        {
            case "start":
                Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"{path}/stop", null)).StatusCode);
                await paths.Factory.AdvanceAsync(Step);
                Assert.Equal("PAUSED", await paths.StatusAsync(path));
                return (() => client.PostAsync($"{path}/start", null), () => paths.StatusAsync(path));
            case "detachFromVPC":
                var attached = await paths.VpcAsync();
                Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"{path}/attachToVPC", Api.Json(new { vpc_id = attached }))).StatusCode);
                await paths.Factory.AdvanceAsync(Step);
                return (() => client.PostAsync($"{path}/detachFromVPC", Api.Json(new { vpc_id = attached })), () => paths.StatusAsync(path));
            case "fork":
                return (async () =>
                {
                    var response = await client.PostAsync($"{path}/forkService", Api.Json(new { fork_strategy = "NOW" }));
                    fork = (string?)(await response.ReadJsonAsync())["service_id"];
                    return response;
                }, () => paths.StatusAsync(paths.Service(fork!)));
        }

        var vpc2 = action.Name == "attachToVPC" ? await paths.VpcAsync() : null;
        Func<Task<HttpResponseMessage>> act = action.Name switch
        {
            "resize" => () => client.PostAsync($"{path}/resize", Api.Json(new { cpu_millis = "2000", memory_gbs = "8" })),
            "setHA" => () => client.PostAsync($"{path}/setHA", Api.Json(new { replica_count = 1 })),
            "attachToVPC" => () => client.PostAsync($"{path}/attachToVPC", Api.Json(new { vpc_id = vpc2 })),
            "stop" => () => client.PostAsync($"{path}/stop", null),
            "delete" => () => client.DeleteAsync(path),
            _ => throw new InvalidOperationException($"no arrangement for {action.Describe()}"),
        };
        return (act, () => paths.StatusAsync(path));
    }

    private static async Task<string> ActiveReplicaSetAsync(ResourcePaths paths, string service)
    {
        var set = await paths.ReplicaSetAsync(service);
        await paths.Factory.AdvanceAsync(Step);
        Assert.Equal("active", await paths.ReplicaSetStatusAsync(service, set));
        return set;
    }
}
