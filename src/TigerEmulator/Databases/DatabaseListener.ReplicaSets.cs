using TigerEmulator.Lifecycle;
using TigerEmulator.ReplicaSets;

namespace TigerEmulator.Databases;

/// The listener's read replica set steps: each set's standby server follows the set's status.
public sealed partial class DatabaseListener
{
    private static ServerStep ReplicaSetStepOf(LifecycleEvent change) => change switch
    {
        { To: null } => ServerStep.Gone,
        { Action: LifecycleEvent.PoolerChanged } => ServerStep.Pooler,
        { Action: LifecycleEvent.Seeded, To: ReplicaSetStatus.Active or ReplicaSetStatus.Creating or ReplicaSetStatus.Resizing } => ServerStep.Seed,
        { To: ReplicaSetStatus.Creating } => ServerStep.Provision,
        { To: ReplicaSetStatus.Resizing } => ServerStep.Restart,
        { To: ReplicaSetStatus.Deleting } => ServerStep.Remove,
        { To: ReplicaSetStatus.Error } => ServerStep.Stop,
        _ => ServerStep.None,
    };

    // A read replica set's server: made (creating, or seeded) from its service's running primary, restarted by a
    // resize, stopped by a fault's error, removed with its port by a delete.
    private async Task RunReplicaSetAsync(ServerStep step, LifecycleEvent change, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case ServerStep.Provision or ServerStep.Seed:
                var set = sets.Get(change.Id) ?? throw new DatabaseException($"read replica set {change.Id} is gone");
                var primary = await PrimaryOfAsync(set.ServiceId, cancellationToken);
                await standbys.ProvisionAsync(standbys.AdoptReplicaSet(primary, set.Id, set.Port), cancellationToken);
                await FollowReplicaSetPoolerAsync(set.Id, cancellationToken);
                break;
            // A set of a paused service stays down (its primary is): the resize is only recorded.
            case ServerStep.Restart when standbys.Find(change.Id) is { Source.Primary.Pid: not null } standby:
                await standbys.RestartAsync(standby, cancellationToken);
                await FollowReplicaSetPoolerAsync(change.Id, cancellationToken);
                break;
            case ServerStep.Stop when standbys.Find(change.Id) is { } standby:
                await poolers.StopAsync(change.Id);
                await standbys.StopAsync(standby, cancellationToken);
                break;
            case ServerStep.Pooler:
                await FollowReplicaSetPoolerAsync(change.Id, cancellationToken);
                break;
            case ServerStep.Remove or ServerStep.Gone:
                await poolers.RemoveAsync(change.Id);
                await standbys.RemoveAsync(change.Id, cancellationToken);
                ports.Release(change.Id);
                break;
        }
    }

    // A set's pooler runs while it is enabled and the set's standby runs, on the port after the set's endpoint.
    private Task FollowReplicaSetPoolerAsync(string setId, CancellationToken cancellationToken) =>
        sets.Get(setId) is { } set
            ? poolers.FollowAsync(set, standbys.Find(set.Id), cancellationToken)
            : Task.CompletedTask;

    // The poolers of a service's read replica sets follow their standbys through the service's pause and start.
    private Task FollowReplicaSetPoolersAsync(string serviceId, CancellationToken cancellationToken) =>
        Task.WhenAll(sets.All().Where(set => set.ServiceId == serviceId).Select(set => FollowReplicaSetPoolerAsync(set.Id, cancellationToken)));

    // A scenario seeds a service and its sets together: the set's change may be heard before the service's server is
    // known, so it is waited for, within the time a start may take.
    private async Task<PostgresServer> PrimaryOfAsync(string serviceId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (fleet.Find(serviceId) is { } primary)
            {
                return primary;
            }

            if (DateTime.UtcNow > deadline || services.Get(serviceId) is null)
            {
                throw new DatabaseException($"service {serviceId} has no database here to replicate");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
