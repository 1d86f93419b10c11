using System.Globalization;

namespace TigerEmulator.Databases;

/// A service's snapshots, what LAST_SNAPSHOT and PITR forks start from: a copy of the cluster made just before its
/// first start (so, as of when it first becomes READY), then a base backup of the running server every
/// <see cref="Every"/> of emulated time. Each is a folder named by its emulated time; the newest few are kept.
public static class ServiceSnapshots
{
    /// The cloud snapshots once a day.
    public static readonly TimeSpan Every = TimeSpan.FromHours(24);

    private const int KeptCount = 3;

    private const string TemplateMark = ".template";

    public static string Folder(PostgresServer server) => Path.Combine(server.Folder, "snapshots");

    /// A copy of a cluster that is not running: a consistent snapshot without a backup.
    public static async Task TakeColdAsync(PostgresServer server, DateTime at, ServerAccount account, CancellationToken cancellationToken)
    {
        account.CreateOwnedFolder(Folder(server));
        await account.RunAsync("cp", ["-a", server.DataFolder, Path.Combine(Folder(server), Name(at))], cancellationToken);
        server.LastSnapshot = at;
    }

    /// A new service's cluster before its first start is the template itself: its first snapshot names the template
    /// instead of copying 40 MB on the way to READY.
    public static void TakeTemplate(PostgresServer server, DateTime at, string template, ServerAccount account)
    {
        account.CreateOwnedFolder(Folder(server));
        File.WriteAllText(Path.Combine(Folder(server), Name(at) + TemplateMark), template);
        server.LastSnapshot = at;
    }

    /// A base backup of the running server, taken over its local socket.
    public static async Task TakeHotAsync(PostgresServer server, DateTime at, PostgresBinaries binaries, ServerAccount account, CancellationToken cancellationToken)
    {
        account.CreateOwnedFolder(Folder(server));
        await BaseBackup.TakeAsync(server, Path.Combine(Folder(server), Name(at)), binaries, account, cancellationToken);
        server.LastSnapshot = at;
        foreach (var old in All(server).SkipLast(KeptCount))
        {
            if (old.Path.EndsWith(TemplateMark, StringComparison.Ordinal))
            {
                File.Delete(old.Path);
            }
            else
            {
                ServerAccount.RemoveTree(old.Path);
            }
        }
    }

    /// The folder of the newest snapshot taken at or before the time, or null.
    public static (DateTime At, string Path)? AtOrBefore(PostgresServer server, DateTime time) =>
        All(server).LastOrDefault(snapshot => snapshot.At <= time) is { Path: not null } found
            ? (found.At, found.Path.EndsWith(TemplateMark, StringComparison.Ordinal) ? File.ReadAllText(found.Path) : found.Path)
            : null;

    public static DateTime? Latest(PostgresServer server) => All(server).LastOrDefault() is { Path: not null } found ? found.At : null;

    private static List<(DateTime At, string Path)> All(PostgresServer server) =>
        Directory.Exists(Folder(server))
            ? [.. Directory.GetFileSystemEntries(Folder(server))
                .Select(path => (Ok: long.TryParse(Path.GetFileName(path).Replace(TemplateMark, "", StringComparison.Ordinal), out var ticks), At: new DateTime(ticks, DateTimeKind.Utc), Path: path))
                .Where(snapshot => snapshot.Ok)
                .Select(snapshot => (snapshot.At, snapshot.Path))
                .OrderBy(snapshot => snapshot.At)]
            : [];

    private static string Name(DateTime at) => at.Ticks.ToString(CultureInfo.InvariantCulture);
}
