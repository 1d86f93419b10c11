using System.Globalization;
using System.Text;

namespace TigerEmulator.Databases;

/// The settings of one service's server, written into its cluster (included from postgresql.conf), so that a copy or a
/// base backup of another service's cluster becomes this one's by rewriting a single file.
public static class ServerConfig
{
    public const string FileName = "emulator.conf";

    public static void Write(string dataFolder, ServerAddress address, (string Certificate, string Key) tls, ServerAccount account)
    {
        var text = new StringBuilder("# Written by the Tiger Emulator at each start of this server.\n")
            .Append(CultureInfo.InvariantCulture, $"listen_addresses = {Quote(address.Listen)}\n")
            .Append(CultureInfo.InvariantCulture, $"port = {address.Port}\n")
            .Append(CultureInfo.InvariantCulture, $"unix_socket_directories = {Quote(address.SocketFolder)}\n")
            .Append("unix_socket_permissions = 0700\n")
            .Append("ssl = on\n")
            .Append(CultureInfo.InvariantCulture, $"ssl_cert_file = {Quote(tls.Certificate)}\n")
            .Append(CultureInfo.InvariantCulture, $"ssl_key_file = {Quote(tls.Key)}\n")
            .Append("password_encryption = 'scram-sha-256'\n")
            // Small and many: a service is a test database, and twenty of them share a laptop.
            .Append("shared_buffers = '16MB'\n")
            .Append("max_connections = 30\n")
            .Append("max_wal_senders = 10\n")
            .Append("dynamic_shared_memory_type = 'posix'\n")
            // Every finished WAL segment is kept beside the cluster, for PITR forks to replay.
            .Append("archive_mode = on\n")
            .Append(CultureInfo.InvariantCulture, $"archive_command = {Quote($"cp \"%p\" \"{address.ArchiveFolder}/%f\"")}\n")
            .AppendJoin("", address.Recovery.Select(line => line + "\n"))
            // Extensions by service type (issue 15): the cloud preloads timescaledb, which refuses to be created otherwise.
            .Append(CultureInfo.InvariantCulture, $"shared_preload_libraries = {Quote(string.Join(",", address.Preload))}\n")
            // Replicas (issue 15): HA and read replica set standbys stream from their primary over its socket; a
            // primary keeps enough WAL for a standby restarted a little behind, and waits for its HA standbys.
            .Append("wal_keep_size = '128MB'\n")
            .AppendJoin("", address.Replication.Select(line => line + "\n"))
            // Server logs (issue 15): PostgreSQL's JSON log, read by GET .../logs (see ServerLogFiles). Connections,
            // checkpoints and each error with its statement; the emulator's own sessions log no statement.
            .Append("logging_collector = on\n")
            .Append("log_destination = 'jsonlog'\n")
            .Append(CultureInfo.InvariantCulture, $"log_directory = {Quote(address.LogFolder)}\n")
            .Append("log_filename = 'postgresql-%Y%m%d-%H%M%S.log'\n")
            .Append("log_file_mode = 0600\n")
            .Append("log_rotation_age = 0\n")
            .Append(CultureInfo.InvariantCulture, $"log_rotation_size = '{ServerLogFiles.RotationMegabytes}MB'\n")
            .Append("log_timezone = 'UTC'\n")
            .Append("log_connections = on\n")
            .Append("log_checkpoints = on\n")
            .Append("log_min_error_statement = 'error'\n")
            // End of server logs.
            .ToString();
        var path = Path.Combine(dataFolder, FileName);
        File.WriteAllText(path, text);
        account.GiveToAccount(path);
    }

    // A configuration string literal: a quote inside is doubled.
    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}

/// Where a server listens: an address and port for clients, a socket folder for the emulator.
public sealed record ServerAddress(string Listen, int Port, string SocketFolder, string ArchiveFolder)
{
    /// Settings of a first start that replays WAL to a point in time (a PITR fork); none otherwise.
    public IReadOnlyList<string> Recovery { get; init; } = [];

    /// Libraries the server loads at start: its service type's preloaded extensions.
    public IReadOnlyList<string> Preload { get; init; } = [];
    /// A standby's connection to its primary, or a primary's synchronous standbys (see <see cref="StandbySource"/>).
    public IReadOnlyList<string> Replication { get; init; } = [];
    /// Where the server writes its JSON log (see ServerLogSettings).
    public required string LogFolder { get; init; }
}
