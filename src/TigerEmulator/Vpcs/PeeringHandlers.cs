using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;
using TigerEmulator.Storage;

namespace TigerEmulator.Vpcs;

public static class PeeringHandlers
{
    public static Results<Ok<List<PeeringBody>>, ErrorResult> List(string project_id, string vpc_id, IStore<VpcDocument> vpcs, IStore<PeeringDocument> peerings) =>
        VpcHandlers.Find(vpcs, project_id, vpc_id) is null
            ? Errors.NotFound("VPC", vpc_id)
            : TypedResults.Ok(peerings.List(p => p.VpcId == vpc_id).OrderBy(p => p.Created).ThenBy(p => p.Id).Select(PeeringBody.From).ToList());

    public static Results<Ok<PeeringBody>, ErrorResult> Get(
        string project_id, string vpc_id, string peering_id, IStore<VpcDocument> vpcs, IStore<PeeringDocument> peerings)
    {
        if (VpcHandlers.Find(vpcs, project_id, vpc_id) is null)
        {
            return Errors.NotFound("VPC", vpc_id);
        }

        return peerings.Get(peering_id) is { } peering && peering.VpcId == vpc_id
            ? TypedResults.Ok(PeeringBody.From(peering))
            : Errors.NotFound("peering connection", peering_id);
    }

    public static async Task<Results<Created<PeeringBody>, ErrorResult>> Create(
        string project_id, string vpc_id, HttpRequest request, IStore<VpcDocument> vpcs, IStore<PeeringDocument> peerings,
        ResourceLifecycle lifecycle, IdGenerator ids, EmulatorClock clock, StateLock state)
    {
        var body = await JsonBody.ReadAsync(request);
        var account = body.RequiredString("peer_account_id");
        var region = body.RequiredString("peer_region_code");
        var peerVpc = body.RequiredString("peer_vpc_id");
        // The VPC is checked and the peering stored in one step, so a VPC being deleted meanwhile leaves no orphan.
        return state.Run<Results<Created<PeeringBody>, ErrorResult>>(() =>
        {
            if (VpcHandlers.Find(vpcs, project_id, vpc_id) is null)
            {
                return Errors.NotFound("VPC", vpc_id);
            }

            var peering = new PeeringDocument
            {
                Id = ids.NewNumericId(),
                VpcId = vpc_id,
                ProjectId = project_id,
                PeerAccountId = account,
                PeerRegionCode = region,
                PeerVpcId = peerVpc,
                ProvisionedId = "pcx-" + ids.NewId(),
                Created = clock.UtcNow,
            };
            var begun = lifecycle.Begin(peering, VpcKinds.CreatePeering);
            peerings.Insert(begun);
            return TypedResults.Created($"/public/api/v1/projects/{project_id}/vpcs/{vpc_id}/peerings/{begun.Id}", PeeringBody.From(begun));
        });
    }

    public static Results<NoContent, ErrorResult> Delete(
        string project_id, string vpc_id, string peering_id, IStore<VpcDocument> vpcs, IStore<PeeringDocument> peerings, StateLock state) =>
        state.Run<Results<NoContent, ErrorResult>>(() =>
        {
            if (VpcHandlers.Find(vpcs, project_id, vpc_id) is null)
            {
                return Errors.NotFound("VPC", vpc_id);
            }

            if (peerings.Get(peering_id) is not { } peering || peering.VpcId != vpc_id)
            {
                return Errors.NotFound("peering connection", peering_id);
            }

            peerings.Delete(peering.Id);
            return TypedResults.NoContent();
        });
}
