using System.Globalization;

namespace TigerEmulator.Databases;

/// Where a standby streams from: its primary's Unix socket, as the emulator's superuser (pg_hba trusts it for
/// replication there), under a name of its own that the primary's synchronous_standby_names can list.
public sealed record StandbySource(PostgresServer Primary, string Name)
{
    /// The replication settings a server is started with: a standby's connection to its primary, or the standbys a
    /// primary's commits wait for.
    public static IReadOnlyList<string> Settings(PostgresServer server)
    {
        if (server.Source is { } source)
        {
            var connection = $"host={source.Primary.SocketFolder} port={source.Primary.Port.ToString(CultureInfo.InvariantCulture)} user={ClusterTemplate.Superuser} application_name={source.Name}";
            return
            [
                $"primary_conninfo = {ServerConfig.Quote(connection)}",
                "hot_standby = on",
                // A primary restarted (resize) or failed over is found again within a fraction of a second.
                "wal_retrieve_retry_interval = '200ms'",
            ];
        }

        // A commit returns once one HA standby has it on disk too, so a failover to that standby loses no committed row.
        return server.SyncStandbys.Count == 0 ? [] : [$"synchronous_standby_names = {ServerConfig.Quote($"ANY 1 ({string.Join(", ", server.SyncStandbys)})")}"];
    }
}
