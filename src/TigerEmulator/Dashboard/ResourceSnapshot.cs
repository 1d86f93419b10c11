using TigerEmulator.Auth;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Storage;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Dashboard;

/// Everything the dashboard draws, project by project, in the contract's own shapes (no secret is in them), read
/// from the stores in one go: reads take no lock, as the API's own reads do.
public sealed record ResourceSnapshot(IReadOnlyList<ProjectSnapshot> Projects)
{
    public static ResourceSnapshot Read(
        IStore<ProjectDocument> projects, IStore<ServiceDocument> services, IStore<ReplicaSetDocument> replicaSets, IStore<VpcDocument> vpcs, IStore<PeeringDocument> peerings) =>
        new(projects.All().OrderBy(project => project.Id, StringComparer.Ordinal).Select(project => new ProjectSnapshot(
            project.Id,
            project.Name,
            services.List(service => service.ProjectId == project.Id)
                .OrderBy(service => service.Created).ThenBy(service => service.Id, StringComparer.Ordinal)
                .Select(service => ServiceBody.From(service, replicaSets.OwnedBy(service.Id))).ToList(),
            vpcs.List(vpc => vpc.ProjectId == project.Id).OrderBy(vpc => vpc.Id, StringComparer.Ordinal)
                .Select(vpc => new VpcSnapshot(VpcBody.From(vpc), peerings.List(peering => peering.VpcId == vpc.Id).Select(PeeringBody.From).ToList())).ToList())).ToList());
}

public sealed record ProjectSnapshot(string Id, string Name, IReadOnlyList<ServiceBody> Services, IReadOnlyList<VpcSnapshot> Vpcs);

public sealed record VpcSnapshot(VpcBody Vpc, IReadOnlyList<PeeringBody> Peerings);
