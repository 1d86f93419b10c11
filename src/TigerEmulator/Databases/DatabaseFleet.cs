using System.Collections.Concurrent;
using TigerEmulator.Lifecycle;

namespace TigerEmulator.Databases;

/// Every service's server, by service id: the steps the lifecycle asks of them, one at a time for each server.
public sealed class DatabaseFleet(
    DatabaseFolders folders,
    ClusterTemplate template,
    ForkCopy forks,
    EmulatorClock clock,
    PostgresBinaries binaries,
    ServerAccount account,
    AvailableExtensions extensions,
    ILogger<DatabaseFleet> logger)
{
    /// The servers listen on their Unix socket only: clients reach them through the emulator's front on the service's
    /// port (see Front/DatabaseFront), which does TLS, refuses while paused and keeps read-only sessions read-only.
    public const string SocketOnly = "";

    private readonly ConcurrentDictionary<string, PostgresServer> servers = new();
    private readonly Lazy<(string Certificate, string Key)> tls = new(() =>
    {
        account.CreateOwnedFolder(folders.Root);
        account.CreateOwnedFolder(folders.Services);
        return TlsCertificate.Ensure(folders.Root, account);
    });

    public IReadOnlyCollection<PostgresServer> Servers => [.. servers.Values];

    /// The certificate and key files every server's front and every pooler present (made once, kept in the databases folder).
    public (string Certificate, string Key) Tls => tls.Value;

    public PostgresServer? Find(string serviceId) => servers.GetValueOrDefault(serviceId);

    /// Makes a new service's cluster (a copy of the template, or of its parent's data as the fork's strategy says),
    /// snapshots it, starts it, gives tsdbadmin the service's password, makes sure of the cloud's shape of tsdb and
    /// runs a scenario's SQL the first time; done when the server accepts connections.
    public Task ProvisionAsync(string serviceId, int port, string serviceType, Secret password, ForkSource? fork, CancellationToken cancellationToken, string? setupSql = null)
    {
        var server = Adopt(serviceId, port, serviceType);
        return StepAsync(server, "provision", async () =>
        {
            var tlsFiles = tls.Value;
            if (!Directory.Exists(server.DataFolder))
            {
                account.CreateOwnedFolder(server.Folder);
                if (fork is null)
                {
                    var source = await template.EnsureAsync(cancellationToken);
                    await account.RunAsync("cp", ["-a", source, server.DataFolder], cancellationToken);
                    ServiceSnapshots.TakeTemplate(server, clock.UtcNow, source, account);
                }
                else
                {
                    await forks.CopyAsync(fork.Parent, server, fork.Strategy, fork.Target, clock.UtcNow, cancellationToken);
                    if (server.Recovery.Count == 0)
                    {
                        await ServiceSnapshots.TakeColdAsync(server, clock.UtcNow, account, cancellationToken);
                    }
                }
            }

            server.ShouldRun = true;
            await server.StartAsync(tlsFiles, SocketOnly, cancellationToken);
            await SetPasswordAsync(server, password.Reveal(), cancellationToken);
            await ShapeAsync(server, cancellationToken);
            logger.LogInformation("Database of service {Id} started on port {Port} (PID {Pid})", serviceId, port, server.Pid);
            await SetupScript.RunOnceAsync(server, setupSql, cancellationToken);
        }, cancellationToken);
    }

    public Task StartAsync(string serviceId, CancellationToken cancellationToken) =>
        Known(serviceId) is { } server
            ? StepAsync(server, "start", async () =>
            {
                server.ShouldRun = true;
                if (server.Pid is null)
                {
                    await BootAsync(server, cancellationToken);
                    logger.LogInformation("Database of service {Id} started on port {Port} (PID {Pid})", serviceId, server.Port, server.Pid);
                }
            }, cancellationToken)
            : Task.CompletedTask;

    public Task StopAsync(string serviceId, CancellationToken cancellationToken) =>
        Known(serviceId) is { } server
            ? StepAsync(server, "stop", async () =>
            {
                server.ShouldRun = false;
                await server.StopAsync(immediate: false, cancellationToken);
                logger.LogInformation("Database of service {Id} stopped", serviceId);
            }, cancellationToken)
            : Task.CompletedTask;

    /// A shutdown and a start, as a resize or an HA change restarts the cloud's server.
    public Task RestartAsync(string serviceId, CancellationToken cancellationToken) =>
        Known(serviceId) is { } server
            ? StepAsync(server, "restart", async () =>
            {
                server.ShouldRun = true;
                await server.StopAsync(immediate: false, cancellationToken);
                await BootAsync(server, cancellationToken);
                logger.LogInformation("Database of service {Id} restarted on port {Port} (PID {Pid})", serviceId, server.Port, server.Pid);
            }, cancellationToken)
            : Task.CompletedTask;

    /// Ends the primary as a crash would (SIGKILL of the postmaster): the first half of a failover.
    public Task KillAsync(PostgresServer primary, CancellationToken cancellationToken) =>
        StepAsync(primary, "kill", () => primary.KillAsync(cancellationToken), cancellationToken);

    /// The second half: the dead primary's data is thrown away and a stopped standby's put in its place, and the
    /// server starts on it. Without standby.signal the standby's start ends its recovery (replaying all the WAL it
    /// received) and it comes up writable, a primary, in the same folder, on the same socket and port.
    public Task PromoteAsync(PostgresServer primary, string standbyData, CancellationToken cancellationToken) =>
        StepAsync(primary, "promote", async () =>
        {
            Discard(primary.DataFolder);
            Directory.Move(standbyData, primary.DataFolder);
            File.Delete(Path.Combine(primary.DataFolder, "standby.signal"));
            primary.SyncStandbys = [];
            primary.ShouldRun = true;
            await BootAsync(primary, cancellationToken);
            logger.LogInformation("Database of service {Id} failed over: a standby's data now runs on port {Port} (PID {Pid})", primary.ServiceId, primary.Port, primary.Pid);
        }, cancellationToken);

    /// Has a running primary wait for these standbys' flush at each commit (none: commits wait for no one).
    public Task SetSyncStandbysAsync(PostgresServer primary, IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        StepAsync(primary, "replication settings", async () =>
        {
            primary.SyncStandbys = names;
            if (primary.Pid is not null)
            {
                await primary.ReloadAsync(Tls, SocketOnly, cancellationToken);
            }
        }, cancellationToken);

    /// A scheduled snapshot of a running server; a server busy with another step is left for the next round.
    public async Task SnapshotAsync(PostgresServer server, CancellationToken cancellationToken)
    {
        if (!await server.Gate.WaitAsync(0, cancellationToken))
        {
            return;
        }

        try
        {
            if (server.Pid is not null)
            {
                await ServiceSnapshots.TakeHotAsync(server, clock.UtcNow, binaries, account, cancellationToken);
                logger.LogInformation("Snapshot of service {Id} taken", server.ServiceId);
            }
        }
        catch (DatabaseException failure)
        {
            logger.LogWarning("Snapshot of service {Id} failed: {Reason}", server.ServiceId, failure.Message);
        }
        finally
        {
            server.Gate.Release();
        }
    }

    /// Changes tsdbadmin's password now, or at the next start of a server that is down (kept in its folder meanwhile,
    /// as a SCRAM verifier).
    public Task UpdatePasswordAsync(string serviceId, Secret password, CancellationToken cancellationToken) =>
        Known(serviceId) is { } server
            ? StepAsync(server, "password", async () =>
            {
                if (server.Pid is null)
                {
                    await File.WriteAllTextAsync(server.PendingPasswordFile, ScramVerifier.Of(password.Reveal()), cancellationToken);
                    return;
                }

                await SetPasswordAsync(server, password.Reveal(), cancellationToken);
            }, cancellationToken)
            : Task.CompletedTask;

    /// Ends every connection, stops the server and removes its files. Waits for a step in progress (a start) first.
    public async Task RemoveAsync(string serviceId, CancellationToken cancellationToken)
    {
        if (!servers.TryRemove(serviceId, out var server))
        {
            return;
        }

        await StepAsync(server, "remove", async () =>
        {
            server.ShouldRun = false;
            await server.StopAsync(immediate: true, cancellationToken);
            RemoveFiles(server);
            logger.LogInformation("Database of service {Id} removed with its files", serviceId);
        }, cancellationToken);
    }

    public async Task RemoveAllAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(servers.Keys.Select(id => RemoveAsync(id, cancellationToken)));

    /// Stops every server cleanly and keeps its files: the emulator is stopping.
    public async Task StopAllAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(servers.Values.Select(server => StepAsync(server, "shutdown", () => server.StopAsync(immediate: false, cancellationToken), cancellationToken)));

    /// A service's server, known from now on (a cluster found at start, or one about to be made).
    public PostgresServer Adopt(string serviceId, int port, string serviceType) =>
        servers.GetOrAdd(serviceId, id =>
        {
            var server = new PostgresServer(id, port, folders.Service(id), binaries, account)
            {
                ServiceType = serviceType,
                Extensions = extensions.PlanFor(serviceType),
            };
            server.LastSnapshot = ServiceSnapshots.Latest(server);
            return server;
        });

    private PostgresServer? Known(string serviceId)
    {
        var server = servers.GetValueOrDefault(serviceId);
        if (server is null)
        {
            logger.LogWarning("Service {Id} has no database here; nothing to do", serviceId);
        }

        return server;
    }

    // Starts a server, then sets a password changed while it was down.
    private async Task BootAsync(PostgresServer server, CancellationToken cancellationToken)
    {
        await server.StartAsync(tls.Value, SocketOnly, cancellationToken);
        await ShapeAsync(server, cancellationToken);
        if (File.Exists(server.PendingPasswordFile))
        {
            // PostgreSQL keeps a verifier given as the password as it is.
            await SetPasswordAsync(server, await File.ReadAllTextAsync(server.PendingPasswordFile, cancellationToken), cancellationToken);
            File.Delete(server.PendingPasswordFile);
        }
    }

    // The role helpers and the type's extensions; a missing extension is told here and in the server's own log.
    private async Task ShapeAsync(PostgresServer server, CancellationToken cancellationToken)
    {
        await TsdbShape.EnsureAsync(server, extensions, cancellationToken);
        foreach (var missing in server.Extensions.Missing)
        {
            logger.LogWarning(
                "Database of service {Id}: extension {Extension} is not installed here ({Why}); the {Type} service runs without it",
                server.ServiceId, missing, extensions.WhyMissing(missing), server.ServiceType);
        }
    }

    // The password, or its SCRAM verifier.
    private static Task SetPasswordAsync(PostgresServer server, string password, CancellationToken cancellationToken) =>
        server.RunSqlAsync(
            $"ALTER ROLE {ClusterTemplate.Owner} WITH PASSWORD :'tiger_password';\n",
            new Dictionary<string, string> { ["tiger_password"] = password },
            cancellationToken);

    private void RemoveFiles(PostgresServer server)
    {
        ServerAccount.RemoveTree(server.SocketFolder);
        Discard(server.Folder);
    }

    /// Moves a folder aside at once (the files are gone from where they were) and deletes it behind: a reset of twenty
    /// services would otherwise wait for a gigabyte to be unlinked.
    public void Discard(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        var trash = Path.Combine(folders.Trash, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folders.Trash);
        Directory.Move(folder, trash);
        _ = Task.Run(() =>
        {
            try
            {
                ServerAccount.RemoveTree(trash);
            }
            catch (IOException failure)
            {
                logger.LogWarning("Could not remove {Folder}: {Reason}", trash, failure.Message);
            }
        });
    }

    private Task StepAsync(PostgresServer server, string step, Func<Task> work, CancellationToken cancellationToken) =>
        ServerSteps.RunAsync(server, step, logger, work, cancellationToken);
}

/// Where a fork's data comes from: its parent's server, the strategy, and PITR's target on the emulated clock.
public sealed record ForkSource(PostgresServer Parent, string? Strategy, DateTime? Target);
