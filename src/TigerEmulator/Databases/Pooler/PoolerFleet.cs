using System.Collections.Concurrent;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;

namespace TigerEmulator.Databases.Pooler;

/// Every pooler, by the id of what owns it (a service, or a replica set with a server of its own): a PgBouncer in
/// transaction mode in front of any <see cref="PostgresServer"/>, on the port the owner's endpoint names. A pooler that
/// cannot start is logged and shown as failed; it never fails the service, whose own server is unaffected.
public sealed class PoolerFleet(PoolerStatus status, DatabaseFleet servers, DatabaseSettings settings, ServerAccount account, ILogger<PoolerFleet> logger)
{
    private readonly ConcurrentDictionary<string, PgBouncer> poolers = new();

    public PgBouncer? Find(string ownerId) => poolers.GetValueOrDefault(ownerId);

    /// Runs the owner's pooler when it is enabled and its server runs; stops it otherwise.
    public Task FollowAsync(string ownerId, bool enabled, PostgresServer? server, int port, CancellationToken cancellationToken) =>
        enabled && server is { ShouldRun: true, Pid: not null }
            ? StartAsync(ownerId, server, port, cancellationToken)
            : StopAsync(ownerId);

    /// A service's pooler, on its pooler endpoint.
    public Task FollowAsync(ServiceDocument service, PostgresServer? server, CancellationToken cancellationToken) =>
        FollowAsync(service.Id, service.PoolerEnabled, server, ServiceEndpoints.Pooler(service).Port, cancellationToken);

    /// A read replica set's pooler, in front of its standby, on the set's pooler port.
    public Task FollowAsync(ReplicaSetDocument set, PostgresServer? standby, CancellationToken cancellationToken) =>
        FollowAsync(set.Id, set.PoolerEnabled, standby, ReplicaSetEndpoints.PoolerPort(set), cancellationToken);

    /// Starts a PgBouncer on <paramref name="port"/> in front of the server; done once it accepts connections.
    public async Task StartAsync(string ownerId, PostgresServer server, int port, CancellationToken cancellationToken)
    {
        if (status.Program is not { } program)
        {
            logger.LogWarning("The pooler of {Id} is enabled, but there is no PgBouncer here: nothing listens on port {Port}", ownerId, port);
            return;
        }

        var pooler = poolers.GetOrAdd(ownerId, id => new PgBouncer(id, server.Folder, program, account));
        await StepAsync(pooler, "start", async () =>
        {
            if (pooler.Pid is not null)
            {
                return;
            }

            pooler.Server = server;
            var verifier = await OwnerVerifierAsync(server, cancellationToken);
            await pooler.StartAsync(new PoolerAddress(settings.ListenAddress, port, server.SocketFolder, server.Port), servers.Tls, verifier, cancellationToken);
            logger.LogInformation("Pooler of {Id} started on port {Port} (PID {Pid})", ownerId, port, pooler.Pid);
        });
    }

    public Task StopAsync(string ownerId) =>
        poolers.TryGetValue(ownerId, out var pooler) ? StopAsync(pooler) : Task.CompletedTask;

    /// Stopped and forgotten: its owner is gone (its files go with the owner's folder).
    public Task RemoveAsync(string ownerId) =>
        poolers.TryRemove(ownerId, out var pooler) ? StopAsync(pooler) : Task.CompletedTask;

    /// The owner's password changed: a running pooler's admin console takes the new verifier.
    public async Task RefreshAsync(string ownerId, PostgresServer server, CancellationToken cancellationToken)
    {
        if (poolers.TryGetValue(ownerId, out var pooler) && pooler.Pid is not null)
        {
            await StepAsync(pooler, "reload", async () => await pooler.ReloadAsync(await OwnerVerifierAsync(server, cancellationToken)));
        }
    }

    /// A PgBouncer that ended while it should run (killed from outside) is started again in front of its server.
    public async Task ReviveAsync(CancellationToken cancellationToken)
    {
        foreach (var pooler in poolers.Values.Where(p => p is { State: "running", Pid: null, Port: not null, Server.Pid: not null } && p.Gate.CurrentCount > 0))
        {
            logger.LogWarning("Pooler of {Id} on port {Port} is gone; starting it again", pooler.OwnerId, pooler.Port);
            pooler.State = "crashed";
            await StartAsync(pooler.OwnerId, pooler.Server!, pooler.Port!.Value, cancellationToken);
        }
    }

    public Task StopAllAsync() => Task.WhenAll(poolers.Values.Select(StopAsync));

    public Task RemoveAllAsync() => Task.WhenAll(poolers.Keys.Select(RemoveAsync));

    private Task StopAsync(PgBouncer pooler) =>
        StepAsync(pooler, "stop", async () =>
        {
            var wasRunning = pooler.Pid is not null;
            await pooler.StopAsync();
            if (wasRunning)
            {
                logger.LogInformation("Pooler of {Id} stopped", pooler.OwnerId);
            }
        });

    // The owner role's SCRAM verifier, read from the server as its superuser: what the admin console checks against.
    private static async Task<string> OwnerVerifierAsync(PostgresServer server, CancellationToken cancellationToken)
    {
        var verifier = (await server.RunSqlAsync(
            "select rolpassword from pg_authid where rolname = :'owner';\n",
            new Dictionary<string, string> { ["owner"] = ClusterTemplate.Owner },
            cancellationToken)).Trim();
        return verifier.StartsWith("SCRAM-SHA-256$", StringComparison.Ordinal)
            ? verifier
            : throw new DatabaseException($"{ClusterTemplate.Owner} has no SCRAM verifier to check the pooler's clients against");
    }

    // One step at a time for each pooler; a failure is logged and shown, never thrown at the service's step.
    private async Task StepAsync(PgBouncer pooler, string step, Func<Task> work)
    {
        await pooler.Gate.WaitAsync(CancellationToken.None);
        try
        {
            await work();
        }
        catch (Exception exception) when (exception is DatabaseException or IOException or UnauthorizedAccessException)
        {
            pooler.State = "failed";
            logger.LogError("Pooler of {Id}: {Step} failed: {Reason}", pooler.OwnerId, step, exception.Message);
        }
        finally
        {
            pooler.Gate.Release();
        }
    }
}
