namespace TigerEmulator.Databases;

/// Where the databases live: inside the data folder when there is one (a restart finds them), else in a temporary
/// folder of this run, removed at stop. Under it: the certificate and one folder per service.
public sealed class DatabaseFolders
{
    /// Every run without a data folder gets a folder under this one, named by the emulator's process id, so that the
    /// leftovers of a killed run can be told from a live one's.
    public static readonly string TemporaryParent = Path.Combine(Path.GetTempPath(), "tiger-emulator-databases");

    public DatabaseFolders(EmulatorOptions options, PostgresBinaries binaries)
    {
        // One template a machine for each PostgreSQL build, shared by every run: an initdb takes seconds on a busy
        // machine, a copy a tenth of one. It holds no password and no data. A template of another shape (an older
        // emulator's) has another name.
        var build = binaries.Folder + File.GetLastWriteTimeUtc(binaries.Postgres).Ticks + ClusterTemplate.Revision;
        Template = Path.Combine(TemporaryParent, "template-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(build)))[..12]);
        IsTemporary = string.IsNullOrWhiteSpace(options.DataDir);
        Root = IsTemporary
            ? Path.Combine(TemporaryParent, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24])
            : Path.Combine(Path.GetFullPath(options.DataDir!), "databases");
    }

    public string Root { get; }

    public bool IsTemporary { get; }

    public string Template { get; }

    public string Services => Path.Combine(Root, "services");

    public string Service(string serviceId) => Path.Combine(Services, serviceId);

    /// Where removed services' folders wait to be deleted; emptied at each start.
    public string Trash => Path.Combine(Root, "trash");

    /// The process id a temporary run folder was named for, or null for a folder not named so.
    public static int? RunOwner(string folder)
    {
        var parts = Path.GetFileName(folder).Split('-');
        return parts.Length >= 2 && parts[0] == "run" && int.TryParse(parts[1], out var pid) ? pid : null;
    }
}
