using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;
using TigerEmulator.Storage;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Services;

/// Attaching a service to a VPC of its own region, and detaching it again.
public static class VpcAttachmentHandlers
{
    public static async Task<Results<Accepted<MessageBody>, ErrorResult>> Attach(
        string project_id, string service_id, HttpRequest request, ServiceCatalog catalog, IStore<VpcDocument> vpcs)
    {
        var vpcId = (await JsonBody.ReadAsync(request)).RequiredString("vpc_id");
        var outcome = catalog.Change(project_id, service_id, service =>
        {
            var vpc = vpcs.Get(vpcId);
            if (vpc is null || vpc.ProjectId != project_id)
            {
                return Errors.NotFound("VPC", vpcId);
            }

            if (service.VpcId is not null)
            {
                return Errors.Conflict($"Service '{service.Id}' is already attached to VPC '{service.VpcId}'");
            }

            if (vpc.RegionCode != service.RegionCode)
            {
                return Errors.BadRequest($"VPC '{vpc.Id}' is in {vpc.RegionCode}, but service '{service.Id}' is in {service.RegionCode}");
            }

            return catalog.TryBegin(service, ServiceLifecycle.AttachVpc, s => s with { VpcId = vpc.Id });
        });
        return outcome.Error ?? (Results<Accepted<MessageBody>, ErrorResult>)TypedResults.Accepted((string?)null, new MessageBody($"Service {service_id} is being attached to VPC {vpcId}"));
    }

    public static async Task<Results<Accepted<MessageBody>, ErrorResult>> Detach(
        string project_id, string service_id, HttpRequest request, ServiceCatalog catalog)
    {
        var vpcId = (await JsonBody.ReadAsync(request)).RequiredString("vpc_id");
        var outcome = catalog.Change(project_id, service_id, service =>
        {
            if (service.VpcId != vpcId)
            {
                return Errors.Conflict($"Service '{service.Id}' is not attached to VPC '{vpcId}'");
            }

            return catalog.TryBegin(service, ServiceLifecycle.DetachVpc, s => s with { VpcId = null });
        });
        return outcome.Error ?? (Results<Accepted<MessageBody>, ErrorResult>)TypedResults.Accepted((string?)null, new MessageBody($"Service {service_id} is being detached from VPC {vpcId}"));
    }
}
