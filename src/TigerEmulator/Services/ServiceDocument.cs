using TigerEmulator.Lifecycle;

namespace TigerEmulator.Services;

/// A database service as stored. Sizes are null for a shared-resource service.
public sealed class ServiceDocument : LifecycleDocument
{
    public string ProjectId { get; set; } = "";

    public string Name { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public string ServiceType { get; set; } = "";

    public DateTime Created { get; set; }

    public string ResourceId { get; set; } = "";

    public int? CpuMillis { get; set; }

    public int? MemoryGbs { get; set; }

    public string VolumeType { get; set; } = "gp3";

    public string Environment { get; set; } = "DEV";

    public string Host { get; set; } = "";

    public int Port { get; set; }

    public string? VpcId { get; set; }

    public string? ForkedFromProjectId { get; set; }

    public string? ForkedFromServiceId { get; set; }

    public int HaReplicaCount { get; set; }

    public int HaSyncReplicaCount { get; set; }

    public bool PoolerEnabled { get; set; }

    /// Only a hash is kept: the password itself is answered once, in the create or fork response.
    public string PasswordHash { get; set; } = "";
}
