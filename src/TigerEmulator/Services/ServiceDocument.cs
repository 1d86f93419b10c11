using TigerEmulator.Lifecycle;

namespace TigerEmulator.Services;

/// A database service as stored. Sizes are null for a shared-resource service.
public sealed record ServiceDocument : LifecycleDocument
{
    public string ProjectId { get; init; } = "";

    public string Name { get; init; } = "";

    public string RegionCode { get; init; } = "";

    public string ServiceType { get; init; } = "";

    public DateTime Created { get; init; }

    public string ResourceId { get; init; } = "";

    public int? CpuMillis { get; init; }

    public int? MemoryGbs { get; init; }

    /// The sizes it had before each resize, oldest first: what the metrics report for a time before the resize.
    public IReadOnlyList<EarlierSize> EarlierSizes { get; init; } = [];

    public string VolumeType { get; init; } = "gp3";

    public string Environment { get; init; } = "DEV";

    public string Host { get; init; } = "";

    public int Port { get; init; }

    public string? VpcId { get; init; }

    public string? ForkedFromProjectId { get; init; }

    public string? ForkedFromServiceId { get; init; }

    public int HaReplicaCount { get; init; }

    public int HaSyncReplicaCount { get; init; }

    public bool PoolerEnabled { get; init; }

    /// Only a hash is kept: the password itself is answered once, in the create or fork response.
    public string PasswordHash { get; init; } = "";
}

/// A size the service had until a resize began at <paramref name="Until"/>. Null sizes are shared resources.
public sealed record EarlierSize(DateTime Until, int? CpuMillis, int? MemoryGbs);
