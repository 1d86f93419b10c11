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
        var name = map.RequiredString("name", ServiceRequests.MaxNameLength);
        var status = map.Enum("status", ServiceStatus.All) ?? ServiceStatus.Ready;
        var type = map.Enum("service_type", ServiceTypes) ?? "TIMESCALEDB";
        var region = map.Enum("region_code", Regions.All) ?? Regions.Default;
        var (cpu, memory) = Size(map, allowShared: true);
        var environment = map.Enum("environment", ServiceRequests.Environments) ?? "DEV";
        var (replicas, sync) = Ha(map.Map("ha"));
        var password = map.String("password", 256);
        if (password is { Length: < 8 })
        {
            throw map.Error("password", "must be at least 8 characters long");
        }

        var service = new SeedService(id, project, name, status, type, region, cpu, memory, environment, replicas, sync,
            map.Bool("pooler") ?? false, map.String("vpc", 64), password, map.String("forked_from", 64));
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
        var name = map.RequiredString("name", ServiceRequests.MaxNameLength);
        var status = map.Enum("status", ReplicaSetStatus.All) ?? ReplicaSetStatus.Active;
        var nodes = map.Int("nodes", 1, ReplicaSetHandlers.MaxNodes) ?? 1;
        var (cpu, memory) = Size(map, allowShared: false);
        var set = new SeedReplicaSet(id, service, name, status, nodes, cpu!.Value, memory!.Value,
            map.Enum("environment", ServiceRequests.Environments), map.Bool("pooler") ?? false);
        map.RejectUnknown();
        book.Refer<SeedService>("service", service, map.PlaceOf("service"));
        if (id is not null)
        {
            book.Declare("read replica set", id, map.PlaceOf("id"), set);
        }

        return set;
    }

    // Sizes are integers as in Service.resources[].spec; a shared service says "shared" for both.
    private static (int? Cpu, int? Memory) Size(MapReader map, bool allowShared)
    {
        var cpu = SizeField(map, "cpu_millis", allowShared);
        var memory = SizeField(map, "memory_gbs", allowShared);
        if (cpu is null && memory is null)
        {
            return ServiceRequests.DefaultSize;
        }

        var shared = cpu == ComputeSizes.Shared && memory == ComputeSizes.Shared;
        var pair = (Cpu: int.TryParse(cpu, out var c) ? c : -1, Memory: int.TryParse(memory, out var m) ? m : -1);
        if (!shared && !ComputeSizes.IsAllowed(pair.Cpu, pair.Memory))
        {
            var allowed = allowShared ? ComputeSizes.Allowed : ComputeSizes.AllowedDedicated;
            throw map.Error(cpu is null ? "memory_gbs" : "cpu_millis", $"with memory_gbs gives {cpu ?? "(none)"}/{memory ?? "(none)"}, not an offered size; allowed pairs: {allowed}");
        }

        return shared ? (null, null) : (pair.Cpu, pair.Memory);
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

        var replicas = ha.Int("replica_count", 0, ServiceRequests.MaxHaReplicas) ?? 0;
        var sync = ha.Int("sync_replica_count", 0, ServiceRequests.MaxHaReplicas) ?? 0;
        ha.RejectUnknown();
        return sync <= replicas ? (replicas, sync) : throw ha.Error("sync_replica_count", $"({sync}) cannot exceed replica_count ({replicas})");
    }
}
