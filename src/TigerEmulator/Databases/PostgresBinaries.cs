namespace TigerEmulator.Databases;

/// Where the PostgreSQL server programs are, found in the documented order: the folder the setting names, the PATH,
/// then the usual install folders (Debian's newest version, a source build, Homebrew's).
public sealed record PostgresBinaries(string Folder)
{
    public string InitDb => Path.Combine(Folder, "initdb");

    public string PgCtl => Path.Combine(Folder, "pg_ctl");

    public string Postgres => Path.Combine(Folder, "postgres");

    public string Psql => Path.Combine(Folder, "psql");

    public string BaseBackup => Path.Combine(Folder, "pg_basebackup");

    /// Says where these binaries keep extensions (a relocated copy of the tree answers its own folders).
    public string PgConfig => Path.Combine(Folder, "pg_config");

    /// The folder that holds initdb, pg_ctl and postgres, or null; <paramref name="looked"/> lists where it looked.
    public static PostgresBinaries? Find(string? configured, out IReadOnlyList<string> looked)
    {
        var candidates = configured is not null ? [configured] : Candidates();
        looked = candidates;
        return candidates.FirstOrDefault(Complete) is { } folder ? new PostgresBinaries(RealFolder(folder)) : null;
    }

    private static List<string> Candidates()
    {
        var found = new List<string>();
        found.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        found.AddRange(Versions("/usr/lib/postgresql"));
        found.AddRange(Directory.Exists("/usr/libexec") ? Versions("/usr/libexec").Where(f => f.Contains("postgresql", StringComparison.Ordinal)).Select(f => Path.GetDirectoryName(f)!) : []);
        found.Add("/usr/local/pgsql/bin");
        found.AddRange(["/opt/homebrew/bin", "/usr/local/bin"]);
        found.AddRange(Versions("/opt/homebrew/opt").Where(f => f.Contains("postgresql", StringComparison.Ordinal)));
        return found;
    }

    // Newest first: /usr/lib/postgresql/17/bin before /usr/lib/postgresql/15/bin (Alpine: /usr/libexec/postgresql16,
    // Homebrew: /opt/homebrew/opt/postgresql@16).
    private static IEnumerable<string> Versions(string root) =>
        Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .OrderByDescending(d => int.TryParse(new string([.. Path.GetFileName(d).Where(char.IsAsciiDigit)]), out var v) ? v : 0)
                .ThenByDescending(d => d, StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "bin"))
            : [];

    // A folder of links (/usr/local/bin → /usr/lib/postgresql/15/bin) stands for the folder they point into, where the
    // other programs (psql, pg_basebackup) are too.
    private static string RealFolder(string folder) =>
        new FileInfo(Path.Combine(folder, "initdb")).ResolveLinkTarget(returnFinalTarget: true) is { } target
            ? Path.GetDirectoryName(target.FullName)!
            : folder;

    // Debian puts wrapper scripts of psql on the PATH but not initdb: a folder counts only with all three programs.
    private static bool Complete(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")) && File.Exists(Path.Combine(folder, "postgres"));
}
