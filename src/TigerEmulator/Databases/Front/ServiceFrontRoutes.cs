using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Storage;
using static TigerEmulator.Services.ServiceStatus;

namespace TigerEmulator.Databases.Front;

/// An endpoint port, routed as things are at each connect: a service's to its primary's server, a read replica set's to
/// its standby (node numbers as the logs name them). While the server is down the refusal says why, from the status.
public sealed class ServiceFrontRoutes(
    DatabaseFleet fleet, StandbyFleet standbys, IStore<ServiceDocument> services, IStore<ReplicaSetDocument> sets)
{
    public Func<FrontTarget> For(string id) => () => services.Get(id) is not null || sets.Get(id) is null ? ServiceTarget(id) : ReplicaSetTarget(id);

    private FrontTarget ServiceTarget(string serviceId)
    {
        var service = services.Get(serviceId);
        var server = fleet.Find(serviceId);
        return new FrontTarget(serviceId, service?.ProjectId, 0, server, server is { State: "running" } ? null : Refusal(service?.Status));
    }

    // A replica set's connections count as its service's (a fault rule names the service, and the node if it wants).
    private FrontTarget ReplicaSetTarget(string setId)
    {
        var set = sets.Get(setId)!;
        var standby = standbys.Find(setId);
        var refusal = standby is { State: "running" } ? null
            : set.Status is ReplicaSetStatus.Creating or ReplicaSetStatus.Resizing ? FrontRefusals.Starting
            : set.Status is ReplicaSetStatus.Error ? FrontRefusals.ReplicaSetInError
            : Refusal(services.Get(set.ServiceId)?.Status);
        return new FrontTarget(set.ServiceId, set.ProjectId, standby?.Node ?? 0, standby, refusal);
    }

    private static string Refusal(string? status) => status switch
    {
        Paused or Pausing => FrontRefusals.Paused,
        Resuming => FrontRefusals.Resuming,
        null or Queued or Configuring => FrontRefusals.Starting,
        _ => FrontRefusals.NotAnswering,
    };
}
