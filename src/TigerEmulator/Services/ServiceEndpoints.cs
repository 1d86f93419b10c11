namespace TigerEmulator.Services;

/// Where a service can be reached: made-up but stable hosts and ports, derived from the ids.
public static class ServiceEndpoints
{
    private const string Domain = "tsdb.cloud.timescale.com";

    public static EndpointBody Primary(ServiceDocument service) => new($"{service.Id}.{service.ProjectId}.{Domain}", service.Port);

    public static EndpointBody Pooler(ServiceDocument service) => new($"{service.Id}.{service.ProjectId}.{Domain}", service.Port + 1);

    public static EndpointBody Private(ServiceDocument service) => new($"{service.Id}.{service.VpcId}.vpc.{Domain}", service.Port);

    /// A port in the cloud's range, fixed for an id so that restarts and reruns agree.
    public static int PortFor(string id)
    {
        var hash = 17;
        foreach (var c in id)
        {
            hash = unchecked((hash * 31) + c);
        }

        return 30000 + (int)((uint)hash % 9000u);
    }
}
