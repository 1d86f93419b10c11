using TigerEmulator.Reading;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;

namespace TigerEmulator.Scenarios;

/// Reads the declared services and read replica sets of a scenario.
internal static class ServiceSeedReader
{
    private static readonly string[] ServiceTypes = ["TIMESCALEDB", "POSTGRES", "VECTOR"];

    public static SeedService Service(MapReader map, ReferenceBook book, EmulatorOptions options)
    {
        var id = SeedReaders.Id(map, "id");
        var project = SeedReaders.ProjectOf(map, book, options);
        var name = ServiceRules.Name(map);
        var status = map.OptionalEnum("status", ServiceStatus.All) ?? ServiceStatus.Ready;
        var type = map.OptionalEnum("service_type", ServiceTypes) ?? "TIMESCALEDB";
        var region = map.OptionalEnum("region_code", Regions.All) ?? Regions.Default;
        var (cpu, memory) = ServiceRules.NewSize(map, SizeField(map, "cpu_millis", allowShared: true), SizeField(map, "memory_gbs", allowShared: true));
        var environment = map.OptionalEnum("environment", ServiceRequests.Environments) ?? "DEV";
        var (replicas, sync) = Ha(map.OptionalObject("ha"));
        var password = ServiceRules.Password(map, required: false);

        var service = new SeedService(id, project, name, status, type, region, cpu, memory, environment, replicas, sync,
            map.OptionalBool("pooler") ?? false, map.OptionalString("vpc", 64), password, map.OptionalString("forked_from", 64),
            SeedReaders.Id(map, "resource_id"));
        map.RejectUnknown();
        if (service.Vpc is { } vpc)
        {
            book.Refer<SeedVpc>("VPC", vpc, map.PlaceOf("vpc"), found =>
                found.Project != project ? $"names VPC '{vpc}' of project '{found.Project}', not of the service's project '{project}'"
                : found.RegionCode != region ? $"names VPC '{vpc}' in {found.RegionCode}, but the service is in {region}"
                : null);
        }

        if (service.ForkedFrom is { } parent)
        {
            book.Refer<SeedService>("service", parent, map.PlaceOf("forked_from"), found =>
                found.Project == project ? null : $"names service '{parent}' of another project");
        }

        if (id is not null)
        {
            book.Declare("service", id, map.PlaceOf("id"), service);
        }

        return service;
    }

    public static SeedReplicaSet ReplicaSet(MapReader map, ReferenceBook book)
    {
        var id = SeedReaders.Id(map, "id");
        var service = map.RequiredString("service", 64);
        var name = ReplicaSetRules.Name(map);
        var status = map.OptionalEnum("status", ReplicaSetStatus.All) ?? ReplicaSetStatus.Active;
        var nodes = ReplicaSetRules.Nodes(map) ?? 1;
        var (cpu, memory) = ReplicaSetSize(map);
        var set = new SeedReplicaSet(id, service, name, status, nodes, cpu, memory,
            map.OptionalEnum("environment", ServiceRequests.Environments), map.OptionalBool("pooler") ?? false);
        map.RejectUnknown();
        book.Refer<SeedService>("service", service, map.PlaceOf("service"));
        if (id is not null)
        {
            book.Declare("read replica set", id, map.PlaceOf("id"), set);
        }

        return set;
    }

    // Sizes are integers as in Service.resources[].spec, not strings as in requests; a shared service says "shared" for both.
    private static (int CpuMillis, int MemoryGbs) ReplicaSetSize(MapReader map)
    {
        var cpu = SizeField(map, "cpu_millis", allowShared: false);
        var memory = SizeField(map, "memory_gbs", allowShared: false);
        var size = cpu is null && memory is null ? ServiceRequests.DefaultSize : ComputeSizes.Resolve(cpu, memory, allowShared: false, map.Error);
        return (size.CpuMillis!.Value, size.MemoryGbs!.Value);
    }

    private static string? SizeField(MapReader map, string field, bool allowShared)
    {
        var node = map.Node(field);
        return node switch
        {
            null => null,
            ScalarNode { Kind: ScalarKind.Number } number => number.Text,
            ScalarNode { Text: ComputeSizes.Shared } when allowShared => ComputeSizes.Shared,
            _ => throw map.Error(node, $"must be a whole number{(allowShared ? " or \"shared\"" : "")}, not {node.Describe()}"),
        };
    }

    private static (int Replicas, int Sync) Ha(MapReader? ha)
    {
        if (ha is null)
        {
            return (0, 0);
        }

        var replicas = ServiceRules.HaReplicas(ha) ?? 0;
        var sync = ServiceRules.HaSyncReplicas(ha) ?? 0;
        ha.RejectUnknown();
        return ServiceRules.SyncProblem(replicas, sync) is { } problem ? throw ha.Error("sync_replica_count", problem) : (replicas, sync);
    }
}
