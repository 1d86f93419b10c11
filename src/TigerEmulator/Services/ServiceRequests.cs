using TigerEmulator.Http;

namespace TigerEmulator.Services;

/// The request bodies of the service operations, checked field by field.
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

    public static Create ParseCreate(JsonFields body)
    {
        var name = body.RequiredString("name", MaxNameLength);
        var addons = body.OptionalStringArray("addons", Addons) ?? [];
        var region = body.OptionalEnum("region_code", Regions.All) ?? Regions.Default;
        var replicas = body.OptionalInt("replica_count") ?? 0;
        if (replicas is < 0 or > MaxHaReplicas)
        {
            throw JsonFields.Invalid($"'replica_count' must be between 0 and {MaxHaReplicas}, not {replicas}");
        }

        var cpu = body.OptionalString("cpu_millis");
        var memory = body.OptionalString("memory_gbs");
        var size = cpu is null && memory is null ? DefaultSize : ComputeSizes.Resolve(cpu, memory, allowShared: true);
        var environment = body.OptionalEnum("environment_tag", Environments) ?? "DEV";
        return new Create(name, ServiceTypeFor(addons), region, replicas, size.CpuMillis, size.MemoryGbs, environment);
    }

    public static Fork ParseFork(JsonFields body)
    {
        var name = body.OptionalString("name", MaxNameLength);
        var strategy = body.RequiredEnum("fork_strategy", ForkStrategies);
        var target = body.OptionalTimestamp("target_time");
        if (strategy == "PITR" && target is null)
        {
            throw JsonFields.Invalid("'target_time' is required when 'fork_strategy' is PITR");
        }

        var cpu = body.OptionalString("cpu_millis");
        var memory = body.OptionalString("memory_gbs");
        var environment = body.OptionalEnum("environment_tag", Environments) ?? "DEV";
        return new Fork(name, strategy, target, cpu, memory, environment);
    }

    public static (int CpuMillis, int MemoryGbs) ParseResize(JsonFields body)
    {
        var cpu = body.RequiredString("cpu_millis");
        var memory = body.RequiredString("memory_gbs");
        var size = ComputeSizes.Resolve(cpu, memory, allowShared: false);
        return (size.CpuMillis!.Value, size.MemoryGbs!.Value);
    }

    public static HaChange ParseHa(JsonFields body)
    {
        var replicas = body.OptionalInt("replica_count");
        var sync = body.OptionalInt("sync_replica_count");
        if (replicas is null && sync is null)
        {
            throw JsonFields.Invalid("At least one of 'replica_count' or 'sync_replica_count' is required");
        }

        if (replicas is < 0 or > MaxHaReplicas)
        {
            throw JsonFields.Invalid($"'replica_count' must be between 0 and {MaxHaReplicas}, not {replicas}");
        }

        if (sync is < 0 or > MaxHaReplicas)
        {
            throw JsonFields.Invalid($"'sync_replica_count' must be between 0 and {MaxHaReplicas}, not {sync}");
        }

        return new HaChange(replicas, sync);
    }

    public static string ParsePassword(JsonFields body)
    {
        var password = body.RequiredString("password", 256);
        return password.Length >= 8 ? password : throw JsonFields.Invalid("'password' must be at least 8 characters long");
    }

    public static string ServiceTypeFor(IReadOnlyList<string> addons) =>
        addons.Contains("ai") ? "VECTOR" : addons.Contains("time-series") ? "TIMESCALEDB" : "POSTGRES";
}
