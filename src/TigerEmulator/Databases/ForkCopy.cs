namespace TigerEmulator.Databases;

/// A fork's cluster: a base backup of the parent's running server, taken over its local socket as the emulator's
/// superuser, so the fork holds the parent's data as of the fork call and shares nothing with it afterwards.
public static class ForkCopy
{
    public static async Task CopyAsync(PostgresServer parent, PostgresServer fork, PostgresBinaries binaries, ServerAccount account, CancellationToken cancellationToken)
    {
        if (parent.Pid is null)
        {
            throw new DatabaseException($"the parent service {parent.ServiceId} has no running database to fork");
        }

        await account.RunAsync(
            binaries.BaseBackup,
            ["-h", parent.SocketFolder, "-p", parent.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", ClusterTemplate.Superuser,
             "-D", fork.DataFolder, "-X", "stream", "-c", "fast", "--no-sync"],
            cancellationToken);
    }
}
