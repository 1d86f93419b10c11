using System.Globalization;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Storage;

namespace TigerEmulator.Databases;

/// What a service's life does to its standbys (they follow its primary: started after it, stopped with it, removed
/// with it), its HA count, and its failover.
public sealed class ServiceReplicas(DatabaseFleet fleet, StandbyFleet standbys, IStore<ReplicaSetDocument> sets, ILogger<ServiceReplicas> logger)
{
    /// Brings a running primary's HA standbys to the count: new ones made and started, the primary's commits then
    /// waiting for one of them, extra ones removed.
    public async Task EnsureHaAsync(string serviceId, int count, CancellationToken cancellationToken)
    {
        if (fleet.Find(serviceId) is not { Pid: not null } primary)
        {
            return;
        }

        var wanted = Enumerable.Range(1, count).Select(node => standbys.AdoptHa(primary, node)).ToList();
        await Task.WhenAll(wanted.Select(standby => standbys.ProvisionAsync(standby, cancellationToken)));
        var names = wanted.Select(standby => standby.Source!.Name).ToList();
        if (!primary.SyncStandbys.SequenceEqual(names))
        {
            await fleet.SetSyncStandbysAsync(primary, names, cancellationToken);
        }

        foreach (var extra in standbys.HaOf(serviceId).Where(standby => standby.Node > count))
        {
            await standbys.RemoveAsync(StandbyFleet.HaKey(serviceId, extra.Node), cancellationToken);
        }
    }

    /// After the primary (re)started: its HA standbys to the count, and its replica sets' servers up (but a set in
    /// status error, whose server a fault stopped).
    public async Task StartAllAsync(string serviceId, int haCount, CancellationToken cancellationToken)
    {
        await EnsureHaAsync(serviceId, haCount, cancellationToken);
        var running = standbys.Of(serviceId)
            .Where(standby => standby.AnswersEndpoint && standbys.KeyOf(standby) is { } key && sets.Get(key) is { Status: not ReplicaSetStatus.Error });
        await Task.WhenAll(running.Select(standby => standbys.ProvisionAsync(standby, cancellationToken)));
    }

    public async Task StopAllAsync(string serviceId, CancellationToken cancellationToken) =>
        await Task.WhenAll(standbys.Of(serviceId).Select(standby => standbys.StopAsync(standby, cancellationToken)));

    public async Task RemoveAllAsync(string serviceId, CancellationToken cancellationToken) =>
        await Task.WhenAll(standbys.Of(serviceId).Select(standby => standbys.KeyOf(standby) is { } key ? standbys.RemoveAsync(key, cancellationToken) : Task.CompletedTask));

    /// The primary is killed (SIGKILL) and the HA standby that received the most WAL takes its place on the service's
    /// port; then a new standby is made so the HA count holds, and any standby that had received more than the
    /// promoted one (WAL the new primary never had) is made again from it.
    public async Task FailoverAsync(string serviceId, int haCount, CancellationToken cancellationToken)
    {
        var primary = fleet.Find(serviceId) ?? throw new DatabaseException($"service {serviceId} has no database here");
        var candidates = standbys.HaOf(serviceId).Where(standby => standby.Pid is not null).ToList();
        if (candidates.Count == 0)
        {
            throw new DatabaseException($"service {serviceId} has no running HA replica to fail over to");
        }

        var started = DateTime.UtcNow;
        await fleet.KillAsync(primary, cancellationToken);
        var received = new Dictionary<PostgresServer, long>();
        foreach (var standby in standbys.Of(serviceId).Where(standby => standby.Pid is not null))
        {
            received[standby] = await ReceivedAsync(standby, cancellationToken);
        }

        var chosen = candidates.MaxBy(standby => received.GetValueOrDefault(standby, -1))!;
        await standbys.StopAsync(chosen, cancellationToken);
        await fleet.PromoteAsync(primary, chosen.DataFolder, cancellationToken);
        logger.LogWarning(
            "Service {Id} failed over to its HA replica {Node} in {Ms} ms; its standbys are made again where needed", serviceId, chosen.Node, (int)(DateTime.UtcNow - started).TotalMilliseconds);

        var ahead = received.Where(pair => pair.Key != chosen && pair.Value > received[chosen]).Select(pair => pair.Key).ToList();
        await Task.WhenAll(ahead.Select(standby => standbys.RebuildAsync(standby, cancellationToken)));
        await EnsureHaAsync(serviceId, haCount, cancellationToken);
    }

    // How far into the WAL a standby has got (received or replayed); -1 when it cannot say.
    private static async Task<long> ReceivedAsync(PostgresServer standby, CancellationToken cancellationToken)
    {
        try
        {
            var text = await standby.RunSqlAsync(
                "select pg_wal_lsn_diff(greatest(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()), '0/0')::bigint;\n", new Dictionary<string, string>(), cancellationToken);
            return long.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var position) ? position : -1;
        }
        catch (DatabaseException)
        {
            return -1;
        }
    }
}
