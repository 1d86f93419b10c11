namespace TigerEmulator.Databases;

/// A fork's cluster, by its strategy: NOW, a base backup of the parent's running server (its data as of the fork call);
/// LAST_SNAPSHOT, a copy of the parent's newest snapshot; PITR, a copy of the newest snapshot at or before the target,
/// replaying the parent's archived WAL up to the target. Either way the fork shares nothing with its parent after.
public sealed class ForkCopy(PostgresBinaries binaries, ServerAccount account, ClockMarks marks)
{
    public async Task CopyAsync(PostgresServer parent, PostgresServer fork, string? strategy, DateTime? target, DateTime now, CancellationToken cancellationToken)
    {
        switch (strategy)
        {
            case "LAST_SNAPSHOT":
                await CopySnapshotAsync(parent, fork, now, cancellationToken);
                break;
            case "PITR":
                await ReplayAsync(parent, fork, target ?? now, cancellationToken);
                break;
            default:
                await BackupAsync(parent, fork, cancellationToken);
                break;
        }
    }

    private async Task BackupAsync(PostgresServer parent, PostgresServer fork, CancellationToken cancellationToken)
    {
        RequireRunning(parent);
        await BaseBackup.TakeAsync(parent, fork.DataFolder, binaries, account, cancellationToken);
    }

    private async Task<DateTime> CopySnapshotAsync(PostgresServer parent, PostgresServer fork, DateTime asOf, CancellationToken cancellationToken)
    {
        var (at, path) = ServiceSnapshots.AtOrBefore(parent, asOf)
            ?? throw new DatabaseException($"the parent service {parent.ServiceId} has no snapshot taken at or before {asOf:O}");
        await account.RunAsync("cp", ["-a", path, fork.DataFolder], cancellationToken);
        return at;
    }

    // The parent's current WAL segment is closed and archived first (after a commit stamped now, so that replay finds a
    // record past the target and stops there instead of running out of WAL).
    private async Task ReplayAsync(PostgresServer parent, PostgresServer fork, DateTime target, CancellationToken cancellationToken)
    {
        RequireRunning(parent);
        var realTarget = marks.RealTimeOf(target);
        var segment = (await parent.RunSqlAsync("select txid_current();\nselect pg_walfile_name(pg_switch_wal());\n", new Dictionary<string, string>(), cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        await WaitArchivedAsync(parent, segment, cancellationToken);
        await CopySnapshotAsync(parent, fork, target, cancellationToken);
        var signal = Path.Combine(fork.DataFolder, "recovery.signal");
        await File.WriteAllTextAsync(signal, "", cancellationToken);
        account.GiveToAccount(signal);
        fork.Recovery =
        [
            $"restore_command = {ServerConfig.Quote($"cp \"{parent.ArchiveFolder}/%f\" \"%p\"")}",
            $"recovery_target_time = '{realTarget:yyyy-MM-dd HH:mm:ss.ffffff}+00'",
            "recovery_target_action = 'promote'",
            // The snapshot's control file may carry larger limits than this server's (initdb's): read-only connections
            // during the replay would refuse them, and nobody needs them before the fork is READY.
            "hot_standby = off",
        ];
    }

    private static async Task WaitArchivedAsync(PostgresServer parent, string segment, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(Path.Combine(parent.ArchiveFolder, segment)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new DatabaseException($"the parent service {parent.ServiceId} did not archive its WAL segment {segment} within 30 s");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static void RequireRunning(PostgresServer parent)
    {
        if (parent.Pid is null)
        {
            throw new DatabaseException($"the parent service {parent.ServiceId} has no running database to fork");
        }
    }
}
