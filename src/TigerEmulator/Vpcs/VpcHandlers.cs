using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;
using TigerEmulator.Services;
using TigerEmulator.Storage;

namespace TigerEmulator.Vpcs;

public static class VpcHandlers
{
    public static Ok<List<VpcBody>> List(string project_id, IStore<VpcDocument> vpcs) =>
        TypedResults.Ok(vpcs.List(v => v.ProjectId == project_id).OrderBy(v => v.Created).ThenBy(v => v.Id).Select(VpcBody.From).ToList());

    public static Results<Ok<VpcBody>, ErrorResult> Get(string project_id, string vpc_id, IStore<VpcDocument> vpcs) =>
        Find(vpcs, project_id, vpc_id) is { } vpc ? TypedResults.Ok(VpcBody.From(vpc)) : Errors.NotFound("VPC", vpc_id);

    public static async Task<Created<VpcBody>> Create(string project_id, HttpRequest request, IStore<VpcDocument> vpcs, IdGenerator ids, EmulatorClock clock)
    {
        var body = await JsonBody.ReadAsync(request);
        var name = body.RequiredString("name", ServiceRequests.MaxNameLength);
        var cidr = body.RequiredString("cidr");
        var region = body.RequiredEnum("region_code", Regions.All);
        if (Cidr.Problem(cidr) is { } problem)
        {
            throw TigerException.Invalid(problem);
        }

        var vpc = new VpcDocument { Id = ids.NewNumericId(), ProjectId = project_id, Name = name, Cidr = cidr, RegionCode = region, Created = clock.UtcNow };
        vpcs.Insert(vpc);
        return TypedResults.Created($"/public/api/v1/projects/{project_id}/vpcs/{vpc.Id}", VpcBody.From(vpc));
    }

    public static async Task<Results<Ok<VpcRenamedBody>, ErrorResult>> Rename(string project_id, string vpc_id, HttpRequest request, IStore<VpcDocument> vpcs, StateLock state)
    {
        var name = (await JsonBody.ReadAsync(request)).RequiredString("name", ServiceRequests.MaxNameLength);
        return state.Run<Results<Ok<VpcRenamedBody>, ErrorResult>>(() =>
        {
            if (Find(vpcs, project_id, vpc_id) is not { } vpc)
            {
                return Errors.NotFound("VPC", vpc_id);
            }

            var renamed = vpc with { Name = name };
            vpcs.Update(renamed);
            return TypedResults.Ok(VpcRenamedBody.From(renamed));
        });
    }

    /// A VPC that services are attached to cannot go; its peerings go with it.
    public static Results<NoContent, ErrorResult> Delete(
        string project_id, string vpc_id, IStore<VpcDocument> vpcs, IStore<ServiceDocument> services, ResourceLifecycle lifecycle, EmulatorClock clock, StateLock state) =>
        state.Run<Results<NoContent, ErrorResult>>(() =>
        {
            if (Find(vpcs, project_id, vpc_id) is null)
            {
                return Errors.NotFound("VPC", vpc_id);
            }

            var attached = services.List(s => s.VpcId == vpc_id).Select(s => s.Id).ToList();
            if (attached.Count > 0)
            {
                return Errors.Conflict($"VPC '{vpc_id}' still has services attached: {string.Join(", ", attached)}");
            }

            vpcs.Delete(vpc_id);
            lifecycle.RemoveOwned(VpcKinds.Vpc, vpc_id, "deleteVPC", clock.UtcNow);
            return TypedResults.NoContent();
        });

    internal static VpcDocument? Find(IStore<VpcDocument> vpcs, string projectId, string vpcId) =>
        vpcs.Get(vpcId) is { } vpc && vpc.ProjectId == projectId ? vpc : null;
}
