using TigerEmulator.Auth;
using TigerEmulator.Lifecycle;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Storage;
using TigerEmulator.Vpcs;
using YamlDotNet.Serialization;

namespace TigerEmulator.Scenarios;

/// The current state written as a scenario file (scenarios/README.md), as LocalStack exports its state: loaded again,
/// it gives the same ids, statuses, sizes and endpoints (endpoints follow from the ids). Passwords are never written,
/// since only their hashes are kept: a loaded service gets a new one. Creation times, extra key pairs and fault rules
/// are not part of it either.
public sealed class StateExport(
    IStore<ProjectDocument> projects,
    IStore<ServiceDocument> services,
    IStore<ReplicaSetDocument> replicaSets,
    IStore<VpcDocument> vpcs,
    IStore<PeeringDocument> peerings,
    LifecycleTimings timings,
    EmulatorClock clock)
{
    private static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings().Build();

    public string Write()
    {
        var scenario = new Dictionary<string, object>
        {
            ["name"] = "exported",
            ["description"] = $"State of the emulator at {clock.UtcNow:yyyy-MM-ddTHH:mm:ssZ}, from GET /_emulator/state",
            ["timing"] = new Dictionary<string, object>
            {
                ["profile"] = timings.Profile,
                ["speed"] = timings.Speed,
                ["clock"] = clock.IsManual ? "manual" : "realtime",
            },
            ["projects"] = projects.All().OrderBy(p => p.Id, StringComparer.Ordinal).Select(Project).ToList(),
            ["vpcs"] = vpcs.All().OrderBy(v => v.Id, StringComparer.Ordinal).Select(Vpc).ToList(),
            ["peerings"] = peerings.All().OrderBy(p => p.Created).ThenBy(p => p.Id, StringComparer.Ordinal).Select(Peering).ToList(),
            // Parents before their forks: a reference must name a service declared before it.
            ["services"] = services.All().OrderBy(s => s.Created).ThenBy(s => s.Id, StringComparer.Ordinal).Select(Service).ToList(),
            ["replica_sets"] = replicaSets.All().OrderBy(r => r.Created).ThenBy(r => r.Id, StringComparer.Ordinal).Select(ReplicaSet).ToList(),
        };
        return Yaml.Serialize(scenario);
    }

    private static Dictionary<string, object> Project(ProjectDocument project) =>
        new() { ["id"] = project.Id, ["name"] = project.Name, ["plan_type"] = project.PlanType };

    private static Dictionary<string, object> Vpc(VpcDocument vpc) =>
        new() { ["id"] = vpc.Id, ["project"] = vpc.ProjectId, ["name"] = vpc.Name, ["cidr"] = vpc.Cidr, ["region_code"] = vpc.RegionCode };

    private static Dictionary<string, object> Peering(PeeringDocument peering)
    {
        var written = new Dictionary<string, object>
        {
            ["id"] = peering.Id,
            ["vpc"] = peering.VpcId,
            ["peer_account_id"] = peering.PeerAccountId,
            ["peer_region_code"] = peering.PeerRegionCode,
            ["peer_vpc_id"] = peering.PeerVpcId,
            ["provisioned_id"] = peering.ProvisionedId,
            ["status"] = peering.Status,
        };
        if (peering.ErrorMessage is { } message)
        {
            written["error_message"] = message;
        }

        return written;
    }

    private Dictionary<string, object> Service(ServiceDocument service)
    {
        var written = new Dictionary<string, object>
        {
            ["id"] = service.Id,
            ["project"] = service.ProjectId,
            ["name"] = service.Name,
            ["status"] = service.Status,
            ["resource_id"] = service.ResourceId,
            ["service_type"] = service.ServiceType,
            ["region_code"] = service.RegionCode,
            ["cpu_millis"] = (object?)service.CpuMillis ?? "shared",
            ["memory_gbs"] = (object?)service.MemoryGbs ?? "shared",
            ["environment"] = service.Environment,
            ["ha"] = new Dictionary<string, object> { ["replica_count"] = service.HaReplicaCount, ["sync_replica_count"] = service.HaSyncReplicaCount },
            ["pooler"] = service.PoolerEnabled,
        };
        if (service.VpcId is { } vpc)
        {
            written["vpc"] = vpc;
        }

        // A fork of another project's service cannot be declared in this one; it is written as a service of its own.
        if (service.ForkedFromServiceId is { } parent && service.ForkedFromProjectId == service.ProjectId && services.Get(parent) is not null)
        {
            written["forked_from"] = parent;
        }

        return written;
    }

    private static Dictionary<string, object> ReplicaSet(ReplicaSetDocument set) => new()
    {
        ["id"] = set.Id,
        ["service"] = set.ServiceId,
        ["name"] = set.Name,
        ["status"] = set.Status,
        ["nodes"] = set.Nodes,
        ["cpu_millis"] = set.CpuMillis,
        ["memory_gbs"] = set.MemoryGbs,
        ["environment"] = set.Environment,
        ["pooler"] = set.PoolerEnabled,
    };
}
