using TigerEmulator.Lifecycle;

namespace TigerEmulator.Vpcs;

public sealed class PeeringDocument : LifecycleDocument
{
    public string VpcId { get; set; } = "";

    public string ProjectId { get; set; } = "";

    public string PeerAccountId { get; set; } = "";

    public string PeerRegionCode { get; set; } = "";

    public string PeerVpcId { get; set; } = "";

    public string ProvisionedId { get; set; } = "";

    public DateTime Created { get; set; }

    public string? ErrorMessage { get; set; }
}
