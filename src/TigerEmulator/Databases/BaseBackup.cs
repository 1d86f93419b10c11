using System.Globalization;

namespace TigerEmulator.Databases;

/// A base backup of a running server, taken over its Unix socket as the emulator's superuser (pg_hba trusts it for
/// replication there): a NOW fork, a scheduled snapshot and a new standby all start from one.
public static class BaseBackup
{
    public static Task TakeAsync(PostgresServer source, string target, PostgresBinaries binaries, ServerAccount account, CancellationToken cancellationToken) =>
        account.RunAsync(
            binaries.BaseBackup,
            ["-h", source.SocketFolder, "-p", source.Port.ToString(CultureInfo.InvariantCulture), "-U", ClusterTemplate.Superuser,
             "-D", target, "-X", "stream", "-c", "fast", "--no-sync"],
            cancellationToken);
}
