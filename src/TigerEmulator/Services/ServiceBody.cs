using System.Text.Json.Serialization;
using TigerEmulator.ReplicaSets;

namespace TigerEmulator.Services;

/// The contract's <c>Service</c> schema, valid under both revisions: the VPC endpoint goes out as <c>vpc_endpoint</c>
/// (the newer name, which the current CLI reads) and as <c>vpcEndpoint</c> (the older, deprecated in the newer).
public sealed record ServiceBody(
    string ServiceId,
    string ProjectId,
    string Name,
    string RegionCode,
    string ServiceType,
    DateTime Created,
    string? InitialPassword,
    string Status,
    IReadOnlyList<ServiceResourceBody> Resources,
    MetadataBody Metadata,
    EndpointBody Endpoint,
    VpcEndpointBody? VpcEndpoint,
    ForkSpecBody? ForkedFrom,
    HaReplicasBody HaReplicas,
    ConnectionPoolerBody? ConnectionPooler,
    IReadOnlyList<ReplicaSetBody> ReadReplicaSets)
{
    public static ServiceBody From(ServiceDocument service, IEnumerable<ReplicaSetDocument> replicaSets, string? initialPassword = null) => new(
        service.Id,
        service.ProjectId,
        service.Name,
        service.RegionCode,
        service.ServiceType,
        service.Created,
        initialPassword,
        service.Status,
        [new ServiceResourceBody(service.ResourceId, new ResourceSpecBody(service.CpuMillis, service.MemoryGbs, service.VolumeType))],
        new MetadataBody(service.Environment),
        ServiceEndpoints.Primary(service),
        service.VpcId is null ? null : ServiceEndpoints.Private(service),
        service.ForkedFromServiceId is null ? null : new ForkSpecBody(service.ForkedFromProjectId!, service.ForkedFromServiceId, false),
        new HaReplicasBody(service.HaSyncReplicaCount, service.HaReplicaCount),
        service.PoolerEnabled ? new ConnectionPoolerBody(ServiceEndpoints.Pooler(service)) : null,
        replicaSets.Select(ReplicaSetBody.From).ToList());

    [JsonPropertyName("vpcEndpoint")]
    public VpcEndpointBody? VpcEndpointDeprecated => VpcEndpoint;
}

public sealed record ServiceResourceBody(string Id, ResourceSpecBody Spec);

public sealed record ResourceSpecBody(int? CpuMillis, int? MemoryGbs, string VolumeType);

public sealed record MetadataBody(string Environment);

public sealed record EndpointBody(string Host, int Port);

/// The newer revision's <c>VPCEndpoint</c>: an endpoint inside the VPC it names.
public sealed record VpcEndpointBody(string Host, int Port, string VpcId);

public sealed record ConnectionPoolerBody(EndpointBody Endpoint);

public sealed record ForkSpecBody(string ProjectId, string ServiceId, bool IsStandby);

public sealed record HaReplicasBody(int SyncReplicaCount, int ReplicaCount);

public sealed record MessageBody(string Message);
