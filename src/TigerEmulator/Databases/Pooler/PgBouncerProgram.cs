namespace TigerEmulator.Databases.Pooler;

/// Where the pgbouncer program is, found as the PostgreSQL programs are: the file (or folder) the setting names, else
/// the PATH, then /usr/sbin and /usr/bin (Debian and Alpine put it in /usr/sbin, which an ordinary user's PATH lacks).
public sealed record PgBouncerProgram(string Path)
{
    public const string BinKey = "TIGER_EMULATOR_PGBOUNCER_BIN";

    /// The program, or null; <paramref name="looked"/> lists where it looked.
    public static PgBouncerProgram? Find(string? configured, out IReadOnlyList<string> looked)
    {
        var folders = configured is not null ? [configured] : Candidates();
        looked = folders;
        return folders.Select(Program).FirstOrDefault(File.Exists) is { } found ? new PgBouncerProgram(found) : null;
    }

    private static List<string> Candidates() =>
        [.. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries), "/usr/sbin", "/usr/bin"];

    // The setting may name the program itself or its folder.
    private static string Program(string place) =>
        File.Exists(place) ? place : System.IO.Path.Combine(place, "pgbouncer");
}
