using TigerEmulator.Endpoints;

namespace TigerEmulator.Services;

/// Where a service is reached: the address its allocator gave it, the pooler on the next port, and a private address
/// inside the VPC it is attached to.
public static class ServiceEndpoints
{
    public static EndpointBody Primary(ServiceDocument service) => new(service.Host, service.Port);

    public static EndpointBody Pooler(ServiceDocument service) => new(service.Host, service.Port + 1);

    public static VpcEndpointBody Private(ServiceDocument service) =>
        new($"{service.Id}.{service.VpcId}.vpc.{MadeUpEndpoints.Domain}", service.Port, service.VpcId!);
}
