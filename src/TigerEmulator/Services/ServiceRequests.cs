using TigerEmulator.Http;
using TigerEmulator.Reading;

namespace TigerEmulator.Services;

/// The request bodies of the service operations, checked field by field; the rules shared with scenario files are in
/// <see cref="ServiceRules"/>.
public static class ServiceRequests
{
    public const int MaxNameLength = 128;
    public const int MaxHaReplicas = 2;

    public static readonly string[] Addons = ["time-series", "ai"];
    public static readonly string[] Environments = ["DEV", "PROD"];
    public static readonly string[] ForkStrategies = ["LAST_SNAPSHOT", "NOW", "PITR"];

    public static readonly (int? CpuMillis, int? MemoryGbs) DefaultSize = (500, 2);

    public sealed record Create(string Name, string ServiceType, string RegionCode, int ReplicaCount, int? CpuMillis, int? MemoryGbs, string Environment);

    public sealed record Fork(string? Name, string Strategy, DateTimeOffset? TargetTime, string? Cpu, string? Memory, string Environment);

    public sealed record HaChange(int? ReplicaCount, int? SyncReplicaCount);

    public static Create ParseCreate(MapReader body)
    {
        var name = ServiceRules.Name(body);
        var addons = body.OptionalStringArray("addons", Addons) ?? [];
        var region = body.OptionalEnum("region_code", Regions.All) ?? Regions.Default;
        var replicas = ServiceRules.HaReplicas(body) ?? 0;
        var size = ServiceRules.NewSize(body, body.OptionalString("cpu_millis"), body.OptionalString("memory_gbs"));
        var environment = body.OptionalEnum("environment_tag", Environments) ?? "DEV";
        return new Create(name, ServiceTypeFor(addons), region, replicas, size.CpuMillis, size.MemoryGbs, environment);
    }

    public static Fork ParseFork(MapReader body)
    {
        var name = body.OptionalString("name", MaxNameLength);
        var strategy = body.RequiredEnum("fork_strategy", ForkStrategies);
        var target = body.OptionalTimestamp("target_time");
        if (strategy == "PITR" && target is null)
        {
            throw body.Error("target_time", "is required when 'fork_strategy' is PITR");
        }

        var cpu = body.OptionalString("cpu_millis");
        var memory = body.OptionalString("memory_gbs");
        var environment = body.OptionalEnum("environment_tag", Environments) ?? "DEV";
        return new Fork(name, strategy, target, cpu, memory, environment);
    }

    public static (int CpuMillis, int MemoryGbs) ParseResize(MapReader body)
    {
        var cpu = body.RequiredString("cpu_millis");
        var memory = body.RequiredString("memory_gbs");
        var size = ComputeSizes.Resolve(cpu, memory, allowShared: false, body.Error);
        return (size.CpuMillis!.Value, size.MemoryGbs!.Value);
    }

    public static HaChange ParseHa(MapReader body)
    {
        if (!body.Has("replica_count") && !body.Has("sync_replica_count"))
        {
            throw TigerException.Invalid("At least one of 'replica_count' or 'sync_replica_count' is required");
        }

        return new HaChange(ServiceRules.HaReplicas(body), ServiceRules.HaSyncReplicas(body));
    }

    /// The newer revision's ServiceRename: the name obeys the same rules as a new service's.
    public static string ParseRename(MapReader body) => ServiceRules.Name(body);

    public static string ParsePassword(MapReader body) => ServiceRules.Password(body, required: true)!;

    public static string ServiceTypeFor(IReadOnlyList<string> addons) =>
        addons.Contains("ai") ? "VECTOR" : addons.Contains("time-series") ? "TIMESCALEDB" : "POSTGRES";
}
