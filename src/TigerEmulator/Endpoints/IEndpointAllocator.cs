namespace TigerEmulator.Endpoints;

/// Hands out where a new resource (a service, a read replica set) is reached. The address is stored on the resource and
/// kept for its life; the pooler listens on the next port, so an allocator reserves two. Replace the registration to
/// hand out real addresses.
public interface IEndpointAllocator
{
    EndpointAddress Allocate(string kind, string id, string projectId);
}

public sealed record EndpointAddress(string Host, int Port);
