using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Storage;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;
using TigerEmulator.Vpcs;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Races;

/// Every check that spans resources runs under the state lock with the change it allows: many rounds of each pair of
/// requests, sent together under `instant` timing, never answer a 5xx and never leave a resource whose owner is gone.
public sealed class CrossResourceRaceTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 150;

    private readonly TigerEmulatorFactory factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_TIMING"] = "instant" });

    public void Dispose() => factory.Dispose();

    [Fact]
    public Task ActionRacingServiceDelete_IsRefusedOrAccepted_NeverA5xx() => RaceAsync(
        async seeder => (await seeder.ReadyServiceAsync(), ""),
        (seeder, ids) => Post(seeder, $"{seeder.ServicePath(ids.Service)}/stop", null),
        (seeder, ids) => Delete(seeder, seeder.ServicePath(ids.Service)),
        [HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.NotFound]);

    [Fact]
    public Task PeeringRacingVpcDelete_LeavesNoOrphanPeering() => RaceAsync(
        async seeder => ("", await seeder.VpcAsync()),
        (seeder, ids) => Post(seeder, $"{seeder.VpcPath(ids.Vpc)}/peerings", new { peer_account_id = "acc-1", peer_region_code = "us-east-1", peer_vpc_id = "vpc-1" }),
        (seeder, ids) => Delete(seeder, seeder.VpcPath(ids.Vpc)),
        [HttpStatusCode.Created, HttpStatusCode.NoContent, HttpStatusCode.NotFound]);

    [Fact]
    public Task ReplicaSetRacingServiceDelete_LeavesNoOrphanReplicaSet() => RaceAsync(
        async seeder => (await seeder.ReadyServiceAsync(), ""),
        (seeder, ids) => Post(seeder, $"{seeder.ServicePath(ids.Service)}/replicaSets", new { name = "r", nodes = 1, cpu_millis = 2000, memory_gbs = 8 }),
        (seeder, ids) => Delete(seeder, seeder.ServicePath(ids.Service)),
        [HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.NotFound]);

    [Fact]
    public Task AttachRacingVpcDelete_LeavesNoServiceInAMissingVpc() => RaceAsync(
        async seeder => (await seeder.ReadyServiceAsync(), await seeder.VpcAsync()),
        (seeder, ids) => Post(seeder, $"{seeder.ServicePath(ids.Service)}/attachToVPC", new { vpc_id = ids.Vpc }),
        (seeder, ids) => Delete(seeder, seeder.VpcPath(ids.Vpc)),
        [HttpStatusCode.Accepted, HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.Conflict]);

    [Fact]
    public Task ForkRacingParentDelete_IsRefusedOrAccepted_NeverA5xx() => RaceAsync(
        async seeder => (await seeder.ReadyServiceAsync(), ""),
        (seeder, ids) => Post(seeder, $"{seeder.ServicePath(ids.Service)}/forkService", new { name = "f" }),
        (seeder, ids) => Delete(seeder, seeder.ServicePath(ids.Service)),
        [HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.NotFound]);

    private async Task RaceAsync(
        Func<ResourceSeeder, Task<(string Service, string Vpc)>> arrange,
        Func<ResourceSeeder, (string Service, string Vpc), Task<HttpResponseMessage>> one,
        Func<ResourceSeeder, (string Service, string Vpc), Task<HttpResponseMessage>> other,
        HttpStatusCode[] allowed)
    {
        var seeder = new ResourceSeeder(factory, factory.CreateTigerClient());
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        for (var round = 0; round < Rounds; round++)
        {
            bound.Token.ThrowIfCancellationRequested();
            var ids = await arrange(seeder);
            var answers = await Task.WhenAll(Task.Run(() => one(seeder, ids)), Task.Run(() => other(seeder, ids)));
            foreach (var answer in answers)
            {
                Assert.True(allowed.Contains(answer.StatusCode), $"round {round}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            }

            await factory.AdvanceAsync(TimeSpan.Zero);
            AssertNoOrphans(round);
        }
    }

    private void AssertNoOrphans(int round)
    {
        var services = factory.Services.GetRequiredService<IStore<ServiceDocument>>();
        var vpcs = factory.Services.GetRequiredService<IStore<VpcDocument>>();
        var peerings = factory.Services.GetRequiredService<IStore<PeeringDocument>>().All();
        var sets = factory.Services.GetRequiredService<IStore<ReplicaSetDocument>>().All();
        Assert.All(peerings, p => Assert.True(vpcs.Get(p.VpcId) is not null, $"round {round}: peering {p.Id} of missing VPC {p.VpcId}"));
        Assert.All(sets, r => Assert.True(services.Get(r.ServiceId) is not null, $"round {round}: replica set {r.Id} of missing service {r.ServiceId}"));
        Assert.All(services.All(), s => Assert.True(s.VpcId is null || vpcs.Get(s.VpcId) is not null, $"round {round}: service {s.Id} in missing VPC {s.VpcId}"));
    }

    private static Task<HttpResponseMessage> Post(ResourceSeeder seeder, string path, object? body) =>
        seeder.Factory.CreateTigerClient().PostAsync(path, body is null ? null : Api.Json(body));

    private static Task<HttpResponseMessage> Delete(ResourceSeeder seeder, string path) => seeder.Factory.CreateTigerClient().DeleteAsync(path);
}
