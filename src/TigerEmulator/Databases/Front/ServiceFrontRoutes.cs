using TigerEmulator.Services;
using TigerEmulator.Storage;
using static TigerEmulator.Services.ServiceStatus;

namespace TigerEmulator.Databases.Front;

/// A service's endpoint port, routed to its primary's server as that is at each connect; while the server is down
/// the refusal says why, from the service's status.
public sealed class ServiceFrontRoutes(DatabaseFleet fleet, IStore<ServiceDocument> services)
{
    public Func<FrontTarget> For(string serviceId) => () => Resolve(serviceId);

    private FrontTarget Resolve(string serviceId)
    {
        var service = services.Get(serviceId);
        var server = fleet.Find(serviceId);
        var notRunning = server is { State: "running" } ? null : service?.Status switch
        {
            Paused or Pausing => FrontRefusals.Paused,
            Resuming => FrontRefusals.Resuming,
            null or Queued or Configuring => FrontRefusals.Starting,
            _ => FrontRefusals.NotAnswering,
        };
        return new FrontTarget(serviceId, service?.ProjectId, 0, server, notRunning);
    }
}
