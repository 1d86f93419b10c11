using System.Collections.Concurrent;
using System.Globalization;

namespace TigerEmulator.Databases;

/// Every standby the emulator runs: a service's HA standbys (nodes 1, 2; no endpoint of their own) and its read replica
/// sets' servers (one each, on the set's endpoint port), each a <see cref="PostgresServer"/> in a folder under its
/// service's, made by a base backup of the primary and streaming from it over its Unix socket, read-only (hot standby).
public sealed class StandbyFleet(
    DatabaseFleet fleet, PostgresBinaries binaries, ServerAccount account, ILogger<StandbyFleet> logger)
{
    /// Read replica sets' standbys are numbered after the highest HA node the contract allows.
    private const int FirstReplicaSetNode = 3;

    private readonly ConcurrentDictionary<string, PostgresServer> standbys = new();

    public IReadOnlyCollection<PostgresServer> Servers => [.. standbys.Values];

    public PostgresServer? Find(string key) => standbys.GetValueOrDefault(key);

    /// A service's standbys, by node.
    public IReadOnlyList<PostgresServer> Of(string serviceId) =>
        [.. standbys.Values.Where(standby => standby.ServiceId == serviceId).OrderBy(standby => standby.Node)];

    public IReadOnlyList<PostgresServer> HaOf(string serviceId) => [.. Of(serviceId).Where(standby => !standby.AnswersEndpoint)];

    public static string HaKey(string serviceId, int node) => $"{serviceId}/ha-{node}";

    /// HA standby number <paramref name="node"/> of the service whose primary this is, known from now on.
    public PostgresServer AdoptHa(PostgresServer primary, int node) =>
        standbys.GetOrAdd(HaKey(primary.ServiceId, node), _ => new PostgresServer(
            primary.ServiceId, primary.Port, Path.Combine(primary.Folder, $"ha-{node}"), binaries, account)
        {
            Node = node,
            Label = $"HA replica {node} of service {primary.ServiceId}",
            AnswersEndpoint = false,
            Source = new StandbySource(primary, $"ha{node}"),
            Extensions = primary.Extensions,
        });

    /// The server of a read replica set on its own endpoint port, known from now on; its node number is kept in its folder.
    public PostgresServer AdoptReplicaSet(PostgresServer primary, string setId, int port) =>
        standbys.GetOrAdd(setId, _ =>
        {
            var folder = Path.Combine(primary.Folder, "replica-sets", setId);
            return new PostgresServer(primary.ServiceId, port, folder, binaries, account)
            {
                Node = NodeOf(folder, primary.ServiceId),
                Label = $"read replica set {setId} of service {primary.ServiceId}",
                Source = new StandbySource(primary, $"replica_{setId}"),

                // A standby loads what its primary loads: a timescaledb primary's WAL needs timescaledb to replay.
                Extensions = primary.Extensions,
            };
        });

    /// Makes the standby's cluster from its primary when it has none, and starts it when it is down; done when it
    /// accepts (read-only) connections.
    public Task ProvisionAsync(PostgresServer standby, CancellationToken cancellationToken) =>
        ServerSteps.RunAsync(standby, "provision", logger, async () =>
        {
            var primary = standby.Source!.Primary;
            if (!Directory.Exists(standby.DataFolder))
            {
                await WaitRunningAsync(primary, cancellationToken);
                account.CreateOwnedFolder(Path.GetDirectoryName(standby.Folder)!);
                account.CreateOwnedFolder(standby.Folder);
                File.WriteAllText(Path.Combine(standby.Folder, "node"), standby.Node.ToString(CultureInfo.InvariantCulture));
                await BaseBackup.TakeAsync(primary, standby.DataFolder, binaries, account, cancellationToken);
                var signal = Path.Combine(standby.DataFolder, "standby.signal");
                await File.WriteAllTextAsync(signal, "", cancellationToken);
                account.GiveToAccount(signal);
            }

            standby.ShouldRun = true;
            if (standby.Pid is null)
            {
                await standby.StartAsync(fleet.Tls, DatabaseFleet.SocketOnly, cancellationToken);
                logger.LogInformation("Database of {Label} started, {Where} (PID {Pid}, node {Node})", standby.Label, Where(standby), standby.Pid, standby.Node);
            }
        }, cancellationToken);

    public Task StopAsync(PostgresServer standby, CancellationToken cancellationToken) =>
        ServerSteps.RunAsync(standby, "stop", logger, async () =>
        {
            standby.ShouldRun = false;
            await standby.StopAsync(immediate: false, cancellationToken);
        }, cancellationToken);

    /// A shutdown and a start, as a resize restarts the cloud's replica.
    public Task RestartAsync(PostgresServer standby, CancellationToken cancellationToken) =>
        ServerSteps.RunAsync(standby, "restart", logger, async () =>
        {
            standby.ShouldRun = true;
            await standby.StopAsync(immediate: false, cancellationToken);
            await standby.StartAsync(fleet.Tls, DatabaseFleet.SocketOnly, cancellationToken);
            logger.LogInformation("Database of {Label} restarted, {Where} (PID {Pid})", standby.Label, Where(standby), standby.Pid);
        }, cancellationToken);

    /// Throws the standby's data away and makes it again from its primary (a standby that received WAL a failed-over
    /// primary's successor never had).
    public async Task RebuildAsync(PostgresServer standby, CancellationToken cancellationToken)
    {
        await ServerSteps.RunAsync(standby, "rebuild", logger, async () =>
        {
            await standby.StopAsync(immediate: true, cancellationToken);
            fleet.Discard(standby.DataFolder);
        }, cancellationToken);
        await ProvisionAsync(standby, cancellationToken);
    }

    /// Stops the standby at once and removes its files.
    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        if (!standbys.TryRemove(key, out var standby))
        {
            return;
        }

        await ServerSteps.RunAsync(standby, "remove", logger, async () =>
        {
            standby.ShouldRun = false;
            await standby.StopAsync(immediate: true, cancellationToken);
            ServerAccount.RemoveTree(standby.SocketFolder);
            fleet.Discard(standby.Folder);
            logger.LogInformation("Database of {Label} removed with its files", standby.Label);
        }, cancellationToken);
    }

    public async Task RemoveAllAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(standbys.Keys.Select(key => RemoveAsync(key, cancellationToken)));

    public async Task StopAllAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(standbys.Values.Select(standby => ServerSteps.RunAsync(standby, "shutdown", logger, () => standby.StopAsync(immediate: false, cancellationToken), cancellationToken)));

    /// The key a standby is known by (its replica set's id, or the service's HA key); null once it is removed.
    public string? KeyOf(PostgresServer standby) => standbys.FirstOrDefault(pair => pair.Value == standby).Key;

    // A standby is made from a running primary; a primary still starting (a scenario's service and its set are
    // seeded together) is waited for, within the time a start may take.
    private static async Task WaitRunningAsync(PostgresServer primary, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (primary.Pid is null || primary.State != "running")
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new DatabaseException($"the primary of service {primary.ServiceId} is not running, so no standby can be made of it");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static string Where(PostgresServer standby) =>
        standby.AnswersEndpoint ? $"on port {standby.Port}" : "on its Unix socket only";

    private int NodeOf(string folder, string serviceId)
    {
        var file = Path.Combine(folder, "node");
        if (File.Exists(file) && int.TryParse(File.ReadAllText(file), CultureInfo.InvariantCulture, out var kept))
        {
            return kept;
        }

        var taken = Of(serviceId).Select(standby => standby.Node).ToHashSet();
        return Enumerable.Range(FirstReplicaSetNode, 1000).First(node => !taken.Contains(node));
    }
}
