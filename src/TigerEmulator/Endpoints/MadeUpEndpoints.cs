namespace TigerEmulator.Endpoints;

/// The cloud's shape of address with nothing behind it: a host under the cloud's domain named by the resource and its
/// project, and a port in the cloud's range fixed for the id, so that restarts and reruns agree.
public sealed class MadeUpEndpoints : IEndpointAllocator
{
    public const string Domain = "tsdb.cloud.timescale.com";

    public EndpointAddress Allocate(string kind, string id, string projectId) => new($"{id}.{projectId}.{Domain}", PortFor(id));

    private static int PortFor(string id)
    {
        var hash = 17;
        foreach (var c in id)
        {
            hash = unchecked((hash * 31) + c);
        }

        return 30000 + (int)((uint)hash % 9000u);
    }
}
