using TigerEmulator.Auth;
using TigerEmulator.Endpoints;
using TigerEmulator.Lifecycle;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Storage;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Scenarios;

/// Writes a validated scenario's resources into the emptied stores. Ids the scenario leaves out are drawn from the
/// seeded generator in file order, declared resources first, then generated ones, so the same seed gives the same ids.
public sealed class SeedWriter(
    IStore<ProjectDocument> projects,
    IStore<ApiKeyDocument> keys,
    IStore<UserDocument> users,
    IStore<AccessTokenDocument> tokens,
    IStore<VpcDocument> vpcs,
    IStore<PeeringDocument> peerings,
    IStore<ServiceDocument> services,
    IStore<ReplicaSetDocument> replicaSets,
    IdGenerator ids,
    EmulatorClock clock,
    ResourceLifecycle lifecycle,
    IEndpointAllocator endpoints)
{
    public void Write(Scenario scenario, int seed)
    {
        var now = clock.UtcNow;
        var taken = new HashSet<string>(
            scenario.Vpcs.Select(v => v.Id).Concat(scenario.Peerings.Select(p => p.Id))
                .Concat(scenario.Services.Select(s => s.Id)).Concat(scenario.ReplicaSets.Select(r => r.Id)).OfType<string>());
        string Unique(Func<string> draw)
        {
            string id;
            do
            {
                id = draw();
            }
            while (!taken.Add(id));
            return id;
        }

        // VPCs and peerings get digits, as the newer contract revision documents their ids; the rest letters and digits.
        var newIds = new NewIds(() => Unique(ids.NewId), () => Unique(ids.NewNumericId));

        foreach (var project in scenario.Projects)
        {
            projects.Delete(project.Id);
            projects.Insert(new ProjectDocument { Id = project.Id, Name = project.Name, PlanType = project.PlanType, Created = now });
        }

        foreach (var key in scenario.ApiKeys)
        {
            keys.Insert(new ApiKeyDocument
            {
                Id = key.PublicKey, SecretHash = ApiKeyRegistry.Hash(key.SecretKey), Name = key.Name, Created = now, ProjectId = key.Project,
                UserId = "emulatoruser", UserName = "Emulator User", UserEmail = "emulator@example.com",
            });
        }

        foreach (var user in scenario.Users)
        {
            users.Insert(new UserDocument { Id = user.Id, Name = user.Name, Email = user.Email, ProjectIds = user.Projects });
        }

        foreach (var token in scenario.Tokens)
        {
            tokens.Insert(new AccessTokenDocument { Id = token.Hash, UserId = token.User, Created = now, ExpiresAt = now + token.Lifetime });
        }

        WriteResources(scenario.Vpcs, scenario.Peerings, scenario.Services, scenario.ReplicaSets, newIds, now);
        var generated = scenario.Generate is { } generate ? DemoGenerator.Generate(generate, seed, newIds) : DemoGenerator.Nothing;
        WriteResources(generated.Vpcs, generated.Peerings, generated.Services, generated.ReplicaSets, newIds, now);
    }

    private void WriteResources(
        IReadOnlyList<SeedVpc> seedVpcs, IReadOnlyList<SeedPeering> seedPeerings, IReadOnlyList<SeedService> seedServices,
        IReadOnlyList<SeedReplicaSet> seedSets, NewIds newIds, DateTime now)
    {
        var newId = newIds.Other;
        foreach (var vpc in seedVpcs)
        {
            vpcs.Insert(new VpcDocument { Id = vpc.Id ?? newIds.Network(), ProjectId = vpc.Project, Name = vpc.Name, Cidr = vpc.Cidr, RegionCode = vpc.RegionCode, Created = now });
        }

        foreach (var peering in seedPeerings)
        {
            var document = new PeeringDocument
            {
                Id = peering.Id ?? newIds.Network(), VpcId = peering.Vpc, ProjectId = vpcs.Get(peering.Vpc)!.ProjectId, PeerAccountId = peering.PeerAccountId,
                PeerRegionCode = peering.PeerRegionCode, PeerVpcId = peering.PeerVpcId, ProvisionedId = peering.ProvisionedId ?? "pcx-" + newId(), Created = now,
                Status = peering.Status, ErrorMessage = peering.ErrorMessage,
            };
            peerings.Insert(lifecycle.Place(document, VpcKinds.Peering, now));
        }

        foreach (var service in seedServices)
        {
            services.Insert(ServiceFrom(service, newId, now));
        }

        foreach (var set in seedSets)
        {
            var parent = services.Get(set.Service)!;
            var id = set.Id ?? newId();
            var address = endpoints.Allocate(ReplicaSetLifecycle.Kind, id, parent.ProjectId);
            var document = new ReplicaSetDocument
            {
                Id = id, ServiceId = parent.Id, ProjectId = parent.ProjectId, Name = set.Name, Created = now, Status = set.Status, Nodes = set.Nodes,
                CpuMillis = set.CpuMillis, MemoryGbs = set.MemoryGbs, Environment = set.Environment ?? parent.Environment,
                Host = address.Host, Port = address.Port, PoolerEnabled = set.Pooler,
            };
            replicaSets.Insert(lifecycle.Place(document, ReplicaSetLifecycle.Kind, now));
        }
    }

    private ServiceDocument ServiceFrom(SeedService seed, Func<string> newId, DateTime now)
    {
        var id = seed.Id ?? newId();
        var address = endpoints.Allocate(ServiceLifecycle.Kind, id, seed.Project);
        var password = seed.Password ?? ids.NewPassword();
        var service = new ServiceDocument
        {
            Id = id, ProjectId = seed.Project, Name = seed.Name, RegionCode = seed.RegionCode, ServiceType = seed.ServiceType, Created = now,
            Status = seed.Status, ResourceId = seed.ResourceId ?? newId(), CpuMillis = seed.CpuMillis, MemoryGbs = seed.MemoryGbs, Environment = seed.Environment,
            Host = address.Host, Port = address.Port, VpcId = seed.Vpc, HaReplicaCount = seed.HaReplicas, HaSyncReplicaCount = seed.HaSyncReplicas,
            PoolerEnabled = seed.Pooler, ForkedFromProjectId = seed.ForkedFrom is null ? null : seed.Project, ForkedFromServiceId = seed.ForkedFrom,
            PasswordHash = ServiceHandlers.HashPassword(password),
        };
        return lifecycle.Place(service, ServiceLifecycle.Kind, now, new Secret(password));
    }
}
