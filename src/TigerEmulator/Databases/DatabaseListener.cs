using TigerEmulator.Databases.Pooler;
using TigerEmulator.Lifecycle;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Storage;
using static TigerEmulator.Services.ServiceStatus;

namespace TigerEmulator.Databases;

/// The one place where the lifecycle drives the servers: each service or read replica set step that needs its database
/// changed holds the resource in that step until the server has done it (READY, or a set's active, is never reported
/// before the server accepts connections), and a server step that fails moves the resource to its failure status
/// (UNSTABLE, error) with the reason in the log. A service's standbys follow its primary (see ServiceReplicas).
public sealed partial class DatabaseListener(
    DatabaseFleet fleet,
    StandbyFleet standbys,
    ServiceReplicas replicas,
    IStore<ReplicaSetDocument> sets,
    PoolerFleet poolers,
    DatabasePorts ports,
    ClockMarks marks,
    IStore<ServiceDocument> services,
    IServiceProvider provider,
    StateLock state,
    EmulatorClock clock,
    ILogger<DatabaseListener> logger)
    : ILifecycleListener
{
    /// The action of a service whose server was found gone while READY (see <see cref="DatabaseWatch"/>).
    public const string Crashed = "database-crashed";

    private static readonly HashSet<string> Creating = [ServiceLifecycle.Create.Name, ServiceLifecycle.Fork.Name];

    private static readonly HashSet<string> Restarting =
        [ServiceLifecycle.Resize.Name, ServiceLifecycle.SetHa.Name, ServiceLifecycle.AttachVpc.Name, ServiceLifecycle.DetachVpc.Name];

    // A new service's password arrives with its first step and is needed at its last: kept here meanwhile, in memory.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Secret> initialPasswords = new();

    // A set's error is a failure, not a step: its server is stopped behind it, with nothing to hold.
    public bool Holds(LifecycleEvent change) =>
        StepOf(change) is not (ServerStep.None or ServerStep.Remember or ServerStep.Password or ServerStep.Seed or ServerStep.Gone or ServerStep.Pooler)
        && change is not { Kind: ReplicaSetLifecycle.Kind, To: ReplicaSetStatus.Error };

    public async Task OnChangedAsync(LifecycleEvent change, LifecycleHold? hold, CancellationToken cancellationToken)
    {
        marks.Mark();
        var step = StepOf(change);
        if (step == ServerStep.None)
        {
            return;
        }

        try
        {
            await RunAsync(step, change, cancellationToken);
            hold?.Complete();
        }
        catch (DatabaseException failure)
        {
            // The fleet has logged it with the service; the hold's failure makes the service UNSTABLE, as does this
            // listener for a step nothing waits on (a seeded service's first start).
            if (hold is not null)
            {
                hold.Fail(failure.Message);
            }
            else if (change.Kind == ServiceLifecycle.Kind)
            {
                FailUnheld(change, failure.Message);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Database step of {Kind} {Id} abandoned: it moved on", change.Kind, change.Id);
        }
    }

    // The lifecycle is looked up when needed: it is made with its listeners, this one among them.
    private void FailUnheld(LifecycleEvent change, string reason) =>
        state.Run(() =>
        {
            if (services.Get(change.Id) is { } service && service.Status == change.To)
            {
                var lifecycle = provider.GetRequiredService<ResourceLifecycle>();
                services.Update(lifecycle.Fail(service, ServiceLifecycle.Kind, new StepOutcome(StepVerdict.Fail, Unstable), clock.UtcNow, LifecycleEvent.HoldFailed, reason));
            }

            return 0;
        });

    private async Task RunAsync(ServerStep step, LifecycleEvent change, CancellationToken cancellationToken)
    {
        if (change.Kind == ReplicaSetLifecycle.Kind)
        {
            await RunReplicaSetAsync(step, change, cancellationToken);
            return;
        }

        switch (step)
        {
            case ServerStep.Remember when change.Password is { } initial:
                initialPasswords[change.Id] = initial;
                break;
            case ServerStep.Provision:
                await ProvisionAsync(change, cancellationToken);
                await replicas.EnsureHaAsync(change.Id, HaCountOf(change.Id), cancellationToken);
                await FollowPoolerAsync(change.Id, cancellationToken);
                break;
            case ServerStep.Seed when change.Password is not null:
                await ProvisionAsync(change, cancellationToken);
                await replicas.EnsureHaAsync(change.Id, HaCountOf(change.Id), cancellationToken);
                if (change.To is Paused or Pausing or Deleting)
                {
                    await fleet.StopAsync(change.Id, cancellationToken);
                    await replicas.StopAllAsync(change.Id, cancellationToken);
                }

                await FollowPoolerAsync(change.Id, cancellationToken);
                break;
            case ServerStep.Start:
                await fleet.StartAsync(change.Id, cancellationToken);
                await replicas.StartAllAsync(change.Id, HaCountOf(change.Id), cancellationToken);
                await FollowPoolerAsync(change.Id, cancellationToken);
                await FollowReplicaSetPoolersAsync(change.Id, cancellationToken);
                break;
            case ServerStep.Stop:
                await poolers.StopAsync(change.Id);
                await fleet.StopAsync(change.Id, cancellationToken);
                await replicas.StopAllAsync(change.Id, cancellationToken);
                await FollowReplicaSetPoolersAsync(change.Id, cancellationToken);
                break;
            case ServerStep.Restart:
                // The standbys stream again on their own once the primary is back; a setHA changes their count.
                await fleet.RestartAsync(change.Id, cancellationToken);
                await replicas.EnsureHaAsync(change.Id, HaCountOf(change.Id), cancellationToken);
                await FollowPoolerAsync(change.Id, cancellationToken);
                break;
            case ServerStep.Failover:
                await replicas.FailoverAsync(change.Id, HaCountOf(change.Id), cancellationToken);
                await FollowPoolerAsync(change.Id, cancellationToken);
                break;
            case ServerStep.Password when change.Password is { } password:
                await fleet.UpdatePasswordAsync(change.Id, password, cancellationToken);
                if (fleet.Find(change.Id) is { } server)
                {
                    await poolers.RefreshAsync(change.Id, server, cancellationToken);
                }

                break;
            case ServerStep.Pooler:
                await FollowPoolerAsync(change.Id, cancellationToken);
                break;
            case ServerStep.Remove or ServerStep.Gone:
                initialPasswords.TryRemove(change.Id, out _);
                await poolers.RemoveAsync(change.Id);
                await Task.WhenAll(standbys.Of(change.Id).Select(standby => standbys.KeyOf(standby) is { } key ? poolers.RemoveAsync(key) : Task.CompletedTask));
                await replicas.RemoveAllAsync(change.Id, cancellationToken);
                await fleet.RemoveAsync(change.Id, cancellationToken);
                ports.Release(change.Id);
                break;
        }
    }

    private int HaCountOf(string serviceId) => services.Get(serviceId)?.HaReplicaCount ?? 0;

    // The pooler runs while the service's pooler is enabled and its server runs (the pooler's port is the endpoint's).
    private Task FollowPoolerAsync(string serviceId, CancellationToken cancellationToken) =>
        services.Get(serviceId) is { } service
            ? poolers.FollowAsync(service, fleet.Find(serviceId), cancellationToken)
            : Task.CompletedTask;

    // A scenario's fork is seeded beside its parent, so it starts from an empty database like any seeded service.
    private Task ProvisionAsync(LifecycleEvent change, CancellationToken cancellationToken)
    {
        var service = services.Get(change.Id) ?? throw new DatabaseException($"service {change.Id} is gone");
        var parentId = change.Action == LifecycleEvent.Seeded ? null : service.ForkedFromServiceId;
        var parent = parentId is null ? null
            : fleet.Find(parentId) ?? throw new DatabaseException($"the parent service {parentId} has no database here to fork");
        var fork = parent is null ? null : new ForkSource(parent, service.ForkStrategy, service.ForkTargetTime);
        var password = change.Password ?? (initialPasswords.TryRemove(change.Id, out var initial) ? initial : null)
            ?? throw new DatabaseException("the service's initial password was not handed over");

        // A service created before a restart but never provisioned has its port in the store only: the front takes it
        // back here (nothing to do for a port already held).
        if (!ports.Keep(change.Id, service.Port))
        {
            throw new DatabaseException($"port {service.Port} is taken by another program");
        }

        return fleet.ProvisionAsync(change.Id, service.Port, service.ServiceType, password, fork, cancellationToken, change.SetupSql);
    }

    private static ServerStep StepOf(LifecycleEvent change) => change switch
    {
        { Kind: ReplicaSetLifecycle.Kind } => ReplicaSetStepOf(change),
        { Kind: not ServiceLifecycle.Kind } => ServerStep.None,
        { To: null } => ServerStep.Gone,
        { Action: LifecycleEvent.Seeded } => ServerStep.Seed,
        { Action: "updatePassword" } => ServerStep.Password,
        { Action: LifecycleEvent.PoolerChanged } => ServerStep.Pooler,
        { To: Queued } when Creating.Contains(change.Action) => ServerStep.Remember,
        { To: Configuring } when Creating.Contains(change.Action) => ServerStep.Provision,
        { To: Configuring } when Restarting.Contains(change.Action) => ServerStep.Restart,
        { To: Pausing } => ServerStep.Stop,
        { To: Resuming } => ServerStep.Start,
        { To: Deleting } => ServerStep.Remove,
        { To: Unstable, Action: Crashed } => ServerStep.Start,
        { To: Unstable, Action: "failover" } => ServerStep.Failover,
        _ => ServerStep.None,
    };

    private enum ServerStep
    {
        None,
        Remember,
        Provision,
        Seed,
        Start,
        Stop,
        Restart,
        Password,
        Pooler,
        Remove,
        Gone,
        Failover,
    }
}
