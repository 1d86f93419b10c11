using TigerEmulator.Lifecycle;
using static TigerEmulator.Vpcs.PeeringStatus;

namespace TigerEmulator.Vpcs;

/// VPCs and their peerings as kinds of resource. A VPC has no lifecycle; a peering is pending until the peer accepts,
/// and belongs to its VPC: deleting the VPC deletes it.
public static class VpcKinds
{
    public const string Vpc = "vpc";
    public const string Peering = "peering";

    public static readonly LifecycleAction CreatePeering = new(Peering, "create", "createVPCPeering", null,
        [new(Pending, TimeSpan.FromMinutes(2))], LifecycleStep.Final(Active));

    public static readonly KindShape<VpcDocument> VpcShape = new(Vpc, vpc => vpc.ProjectId);

    public static readonly KindShape<PeeringDocument> PeeringShape = new(Peering, peering => peering.ProjectId)
    {
        Actions = [CreatePeering],
        FailedStatus = Failed,
        Owner = new(Vpc, peering => peering.VpcId),

        // A rule may name the peering or its VPC.
        FaultTargets = peering => [peering.Id, peering.VpcId],
    };
}
