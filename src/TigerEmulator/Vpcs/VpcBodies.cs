namespace TigerEmulator.Vpcs;

/// The contract's <c>VPC</c> schema.
public sealed record VpcBody(string Id, string Name, string Cidr, string RegionCode)
{
    public static VpcBody From(VpcDocument vpc) => new(vpc.Id, vpc.Name, vpc.Cidr, vpc.RegionCode);
}

/// What renameVPC answers: the older revision documents the renamed <c>VPC</c>, the newer a <c>SuccessMessage</c>.
/// Neither forbids the other's properties, so the body is both.
public sealed record VpcRenamedBody(string Id, string Name, string Cidr, string RegionCode, string Message)
{
    public static VpcRenamedBody From(VpcDocument vpc) => new(vpc.Id, vpc.Name, vpc.Cidr, vpc.RegionCode, $"VPC renamed to {vpc.Name}");
}

/// The contract's <c>Peering</c> schema.
public sealed record PeeringBody(
    string Id, string PeerAccountId, string PeerRegionCode, string PeerVpcId, string ProvisionedId, string Status, string? ErrorMessage)
{
    public static PeeringBody From(PeeringDocument peering) => new(
        peering.Id, peering.PeerAccountId, peering.PeerRegionCode, peering.PeerVpcId, peering.ProvisionedId, peering.Status, peering.ErrorMessage);
}
