using TigerEmulator.Lifecycle;

namespace TigerEmulator.Vpcs;

public sealed record PeeringDocument : LifecycleDocument
{
    public string VpcId { get; init; } = "";

    public string ProjectId { get; init; } = "";

    public string PeerAccountId { get; init; } = "";

    public string PeerRegionCode { get; init; } = "";

    public string PeerVpcId { get; init; } = "";

    public string ProvisionedId { get; init; } = "";

    public DateTime Created { get; init; }

    public string? ErrorMessage { get; init; }
}
