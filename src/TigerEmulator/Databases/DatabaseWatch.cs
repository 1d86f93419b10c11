using TigerEmulator.Databases.Pooler;
using TigerEmulator.Lifecycle;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Storage;

namespace TigerEmulator.Databases;

/// The servers' life outside the lifecycle's steps: at start, the clusters a data folder keeps are taken back (the
/// servers of running services started with their standbys, leftovers of a killed emulator stopped); while running, a
/// primary found gone while its service is READY makes the service fail over to an HA standby when it has one running,
/// else UNSTABLE until the listener starts it again, and a standby found gone is started again; at stop, every server
/// is shut down cleanly, and a temporary databases folder removed.
public sealed class DatabaseWatch(
    DatabaseFleet fleet,
    StandbyFleet standbys,
    ServiceReplicas replicas,
    IStore<ReplicaSetDocument> sets,
    PoolerFleet poolers,
    DatabaseFolders folders,
    DatabasePorts ports,
    IStore<ServiceDocument> services,
    ResourceLifecycle lifecycle,
    EmulatorClock clock,
    StateLock state,
    ServerAccount account,
    ClockMarks marks,
    ILogger<DatabaseWatch> logger) : BackgroundService
{
    /// How often the servers are looked at: a server killed from outside is noticed within this.
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    private static readonly HashSet<string> Running =
        [ServiceStatus.Ready, ServiceStatus.Configuring, ServiceStatus.Resuming, ServiceStatus.Unstable];

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await SweepKilledRunsAsync(cancellationToken);
        await TakeBackAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    // The host may be stopped more than once (a test factory's disposal does): every call waits for the one shutdown.
    private readonly Lock stopGate = new();
    private Task? stopping;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        lock (stopGate)
        {
            stopping ??= ShutDownAsync();
        }

        await stopping;
    }

    private async Task ShutDownAsync()
    {
        try
        {
            // Not cut short by the host's shutdown timeout: a server left running would outlive the emulator
            // (pg_ctl's own wait bounds each stop). The poolers first, whose server connections would only break.
            await poolers.StopAllAsync();
            await fleet.StopAllAsync(CancellationToken.None);
            await standbys.StopAllAsync(CancellationToken.None);
        }
        catch (DatabaseException)
        {
            // Logged by the fleet; the rest are stopped all the same.
        }

        if (folders.IsTemporary)
        {
            try
            {
                ServerAccount.RemoveTree(folders.Root);
            }
            catch (IOException failure)
            {
                logger.LogWarning("Could not remove the databases folder {Folder}: {Reason}", folders.Root, failure.Message);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            marks.Mark();
            foreach (var server in fleet.Servers.Where(s => s.ShouldRun && s.State == "running" && s.Gate.CurrentCount > 0))
            {
                if (server.Pid is null)
                {
                    Crashed(server);
                }
                else if (clock.UtcNow - (server.LastSnapshot ?? DateTime.MinValue) >= ServiceSnapshots.Every)
                {
                    await fleet.SnapshotAsync(server, stoppingToken);
                }

                // A busy server's JSON log is capped while it runs too, not only at its next start.
                ServerLogFiles.Prune(server.LogFolder);
            }

            await poolers.ReviveAsync(stoppingToken);
            foreach (var standby in standbys.Servers.Where(s => s.ShouldRun && s.State == "running" && s.Gate.CurrentCount > 0 && s.Pid is null))
            {
                await RestartStandbyAsync(standby, stoppingToken);
            }
        }
    }

    private async Task RestartStandbyAsync(PostgresServer standby, CancellationToken cancellationToken)
    {
        logger.LogWarning("Database of {Label} is gone; starting it again", standby.Label);
        try
        {
            await standbys.ProvisionAsync(standby, cancellationToken);
        }
        catch (DatabaseException)
        {
            // Logged by the fleet; looked at again at the next tick only if it runs.
        }
    }

    private void Crashed(PostgresServer server)
    {
        server.State = "crashed";
        if (standbys.HaOf(server.ServiceId).Any(standby => standby.Pid is not null) && BeganFailover(server.ServiceId))
        {
            logger.LogWarning("Database of service {Id} on port {Port} is gone; the service fails over to an HA replica", server.ServiceId, server.Port);
            return;
        }

        logger.LogWarning("Database of service {Id} on port {Port} is gone; the service is UNSTABLE until it is started again", server.ServiceId, server.Port);
        state.Run(() =>
        {
            if (services.Get(server.ServiceId) is { Status: ServiceStatus.Ready } service)
            {
                var outcome = new StepOutcome(StepVerdict.Fail, ServiceStatus.Unstable, ThenBegin: ServiceLifecycle.Recover);
                services.Update(lifecycle.Fail(service, ServiceLifecycle.Kind, outcome, clock.UtcNow, DatabaseListener.Crashed, $"the database server on port {server.Port} is gone"));
            }

            return 0;
        });
    }

    // With a data folder, each stored service's cluster is this emulator's again: kept ports, servers of running
    // services started; a cluster no service owns any more is removed.
    private async Task TakeBackAsync(CancellationToken cancellationToken)
    {
        if (folders.IsTemporary || !Directory.Exists(folders.Services))
        {
            return;
        }

        ServerAccount.RemoveTree(folders.Trash);

        var starts = new List<Task>();
        foreach (var folder in Directory.GetDirectories(folders.Services))
        {
            var id = Path.GetFileName(folder);
            await PgBouncerSignals.StopLeftoverAsync(Path.Combine(folder, PoolerConfig.PidFile), account);
            if (services.Get(id) is not { } service)
            {
                ServerAccount.RemoveTree(folder);
                continue;
            }

            if (!ports.Keep(id, service.Port))
            {
                logger.LogWarning("Port {Port} of service {Id} is taken by another program: its database cannot be reached until that program lets it go", service.Port, id);
            }

            var server = fleet.Adopt(id, service.Port, service.ServiceType);
            AdoptStandbys(server);
            starts.Add(Running.Contains(service.Status) ? StartWithStandbysAsync(service, cancellationToken) : fleet.StopAsync(id, cancellationToken));
        }

        try
        {
            await Task.WhenAll(starts);
        }
        catch (DatabaseException failure)
        {
            logger.LogError("A database could not be started again: {Reason}", failure.Message);
        }

        // Then the poolers of the services that have theirs enabled, in front of the servers that run again.
        await Task.WhenAll(fleet.Servers.Select(server => services.Get(server.ServiceId) is { } service
            ? poolers.FollowAsync(service, server, cancellationToken)
            : Task.CompletedTask));
        await Task.WhenAll(sets.All().Where(set => set.PoolerEnabled).Select(set => poolers.FollowAsync(set, standbys.Find(set.Id), cancellationToken)));
    }

    private bool BeganFailover(string serviceId) => ServiceFailover.Begin(serviceId, services, lifecycle, state).Document is not null;

    private async Task StartWithStandbysAsync(ServiceDocument service, CancellationToken cancellationToken)
    {
        await fleet.StartAsync(service.Id, cancellationToken);
        await replicas.StartAllAsync(service.Id, service.HaReplicaCount, cancellationToken);
    }

    // A service's HA standbys' and read replica sets' clusters, under its folder: known again (with their ports), or
    // removed when their replica set is gone.
    private void AdoptStandbys(PostgresServer primary)
    {
        foreach (var folder in Directory.EnumerateDirectories(primary.Folder, "ha-*"))
        {
            if (int.TryParse(Path.GetFileName(folder)[3..], System.Globalization.CultureInfo.InvariantCulture, out var node))
            {
                standbys.AdoptHa(primary, node);
            }
        }

        var setsFolder = Path.Combine(primary.Folder, "replica-sets");
        foreach (var folder in Directory.Exists(setsFolder) ? Directory.GetDirectories(setsFolder) : [])
        {
            if (sets.Get(Path.GetFileName(folder)) is { } set && set.ServiceId == primary.ServiceId)
            {
                ports.Keep(set.Id, set.Port);
                standbys.AdoptReplicaSet(primary, set.Id, set.Port);
            }
            else
            {
                ServerAccount.RemoveTree(folder);
            }
        }
    }

    // Temporary folders of runs whose emulator is gone (killed, so it never removed them): their servers are stopped
    // and their files removed, so that nothing of theirs holds a port or memory.
    private async Task SweepKilledRunsAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(DatabaseFolders.TemporaryParent))
        {
            return;
        }

        foreach (var run in Directory.GetDirectories(DatabaseFolders.TemporaryParent))
        {
            if (DatabaseFolders.RunOwner(run) is not { } owner || owner == Environment.ProcessId || PostgresServer.IsAlive(owner))
            {
                continue;
            }

            logger.LogWarning("Removing the databases of a killed emulator (process {Pid}) in {Folder}", owner, run);
            foreach (var pidFile in Directory.EnumerateFiles(run, "postmaster.pid", SearchOption.AllDirectories))
            {
                await StopLeftoverAsync(pidFile);
            }

            foreach (var pidFile in Directory.EnumerateFiles(run, PoolerConfig.PidFile, SearchOption.AllDirectories))
            {
                await PgBouncerSignals.StopLeftoverAsync(pidFile, account);
            }

            try
            {
                ServerAccount.RemoveTree(run);
            }
            catch (IOException failure)
            {
                logger.LogWarning("Could not remove {Folder}: {Reason}", run, failure.Message);
            }
        }
    }

    private async Task StopLeftoverAsync(string pidFile)
    {
        try
        {
            if (int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && PostgresServer.IsAlive(pid)
                && File.ReadAllText($"/proc/{pid}/cmdline").Contains(Path.GetDirectoryName(pidFile)!, StringComparison.Ordinal))
            {
                await account.RunAsync("kill", ["-QUIT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], CancellationToken.None);
            }
        }
        catch (Exception failure) when (failure is IOException or DatabaseException)
        {
            logger.LogWarning("Could not stop a leftover server ({PidFile}): {Reason}", pidFile, failure.Message);
        }
    }
}
