namespace TigerEmulator.Vpcs;

/// The contract's <c>VPC</c> schema.
public sealed record VpcBody(string Id, string Name, string Cidr, string RegionCode)
{
    public static VpcBody From(VpcDocument vpc) => new(vpc.Id, vpc.Name, vpc.Cidr, vpc.RegionCode);
}

/// The contract's <c>Peering</c> schema.
public sealed record PeeringBody(
    string Id, string PeerAccountId, string PeerRegionCode, string PeerVpcId, string ProvisionedId, string Status, string? ErrorMessage)
{
    public static PeeringBody From(PeeringDocument peering) => new(
        peering.Id, peering.PeerAccountId, peering.PeerRegionCode, peering.PeerVpcId, peering.ProvisionedId, peering.Status, peering.ErrorMessage);
}
