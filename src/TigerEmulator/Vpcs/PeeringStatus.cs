namespace TigerEmulator.Vpcs;

/// Every status a VPC peering can have.
public static class PeeringStatus
{
    public const string Pending = "pending";
    public const string Active = "active";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Pending, Active, Failed];
}
