using System.Globalization;
using System.Text;

namespace TigerEmulator.Databases.Pooler;

/// The files of one PgBouncer, written beside the server it fronts at each start: its settings, and the one user it
/// must know by file (the admin console does not use auth_query), given as the server's own SCRAM verifier.
public static class PoolerConfig
{
    public const string SettingsFile = "pgbouncer.ini";
    public const string UsersFile = "pgbouncer-users.txt";
    public const string LogFile = "pgbouncer.log";
    public const string PidFile = "pgbouncer.pid";

    // Every other role is looked up in the server itself, as the emulator's superuser over the socket: its SCRAM
    // verifier lets PgBouncer check the client's password and then log in to the server with the same proof. A superuser
    // (the emulator's own) is never found, so it cannot come in through the pooler.
    private const string AuthQuery = "SELECT rolname, rolpassword FROM pg_authid WHERE rolname = $1 AND rolcanlogin AND NOT rolsuper";

    public static string Write(string folder, PoolerAddress address, (string Certificate, string Key) tls, ServerAccount account)
    {
        var text = new StringBuilder("; Written by the Tiger Emulator at each start of this pooler.\n[databases]\n")
            .Append(CultureInfo.InvariantCulture, $"* = host={address.SocketFolder} port={address.ServerPort} auth_user={ClusterTemplate.Superuser}\n")
            .Append("\n[pgbouncer]\n")
            .Append(CultureInfo.InvariantCulture, $"listen_addr = {address.Listen}\n")
            .Append(CultureInfo.InvariantCulture, $"listen_port = {address.Port}\n")
            // No socket of its own: the admin console is reached over TLS like the pool.
            .Append("unix_socket_dir =\n")
            .Append("pool_mode = transaction\n")
            .Append("auth_type = scram-sha-256\n")
            .Append(CultureInfo.InvariantCulture, $"auth_file = {Path.Combine(folder, UsersFile)}\n")
            .Append(CultureInfo.InvariantCulture, $"auth_query = {AuthQuery}\n")
            .Append("client_tls_sslmode = require\n")
            .Append(CultureInfo.InvariantCulture, $"client_tls_cert_file = {tls.Certificate}\n")
            .Append(CultureInfo.InvariantCulture, $"client_tls_key_file = {tls.Key}\n")
            .Append(CultureInfo.InvariantCulture, $"stats_users = {ClusterTemplate.Owner}\n")
            // A server restarting under the pool (a resize) is logged in to again within a second, not fifteen.
            .Append("server_login_retry = 1\n")
            // Npgsql and JDBC send it at every start; PgBouncer would refuse the connection for it.
            .Append("ignore_startup_parameters = extra_float_digits\n")
            // The server takes 30 connections; the pools of a few roles must fit.
            .Append("default_pool_size = 10\n")
            .Append(CultureInfo.InvariantCulture, $"logfile = {Path.Combine(folder, LogFile)}\n")
            .Append(CultureInfo.InvariantCulture, $"pidfile = {Path.Combine(folder, PidFile)}\n")
            .ToString();
        var path = Path.Combine(folder, SettingsFile);
        WriteOwned(path, text, account);
        return path;
    }

    /// The admin console's user with the server's verifier (never a password); rewritten when the password changes.
    public static void WriteUsers(string folder, string ownerVerifier, ServerAccount account)
    {
        var path = Path.Combine(folder, UsersFile);
        var before = File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
        WriteOwned(path, $"\"{ClusterTemplate.Owner}\" \"{ownerVerifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n", account);

        // PgBouncer reads the file again only when its size or its time (in whole seconds) changed, and a new
        // verifier is as long as the old one: a rewrite within the same second is dated a second later.
        if (File.GetLastWriteTimeUtc(path) - before < TimeSpan.FromSeconds(1))
        {
            File.SetLastWriteTimeUtc(path, before.AddSeconds(1));
        }
    }

    // Readable by the pooler's account only: a verifier is not a password, but it is not for everyone either.
    private static void WriteOwned(string path, string text, ServerAccount account)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        account.GiveToAccount(path);
    }
}

/// Where a pooler listens, and the server it reaches over that server's Unix socket.
public sealed record PoolerAddress(string Listen, int Port, string SocketFolder, int ServerPort);
