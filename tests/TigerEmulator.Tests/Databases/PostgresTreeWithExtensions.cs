using System.Diagnostics;
using TigerEmulator.Databases;

namespace TigerEmulator.Tests.Databases;

/// A private copy of the machine's PostgreSQL tree (programs, share and library folders at the same paths under a root
/// of its own, hard-linked where the file system allows, so PostgreSQL and pg_config relocate to it) that holds two
/// stand-in extensions under the names the service types imply: timescaledb and vector, each a control file and a
/// SQL-only script making one function. Their libraries are copies of the contrib module auto_explain under the
/// extensions' names, which is enough to be preloaded and does nothing else. Made once a machine for each PostgreSQL
/// build (its emulator template is then made once too) and kept, like the template, under the temporary folder.
internal static class PostgresTreeWithExtensions
{
    public const string Version = "0.0.1";

    private static readonly Lazy<Task<string>> Bin = new(BuildAsync);

    /// The folder of the copy's programs, for TIGER_EMULATOR_POSTGRES_BIN.
    public static Task<string> BinFolderAsync() => Bin.Value;

    private static async Task<string> BuildAsync()
    {
        var binaries = PostgresBinaries.Find(null, out _) ?? throw new InvalidOperationException("no PostgreSQL here");
        var folders = (await RunAsync(binaries.PgConfig, "--sharedir", "--pkglibdir")).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var (share, library) = (folders[0], folders[1]);
        var name = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(binaries.Folder + File.GetLastWriteTimeUtc(binaries.Postgres).Ticks + Version)))[..12];
        var root = Path.Combine(Path.GetTempPath(), "tiger-emulator-test-postgres-" + name);
        if (!File.Exists(Path.Combine(root, "made")))
        {
            var building = $"{root}.{Environment.ProcessId}.new";
            if (Directory.Exists(building))
            {
                Directory.Delete(building, recursive: true);
            }

            foreach (var folder in new[] { binaries.Folder, share, library }.Distinct())
            {
                await CopyAsync(folder, Path.Combine(building, folder.TrimStart('/')));
            }

            AddStandIns(Path.Combine(building, share.TrimStart('/'), "extension"), Path.Combine(building, library.TrimStart('/')));
            File.WriteAllText(Path.Combine(building, "made"), "");
            try
            {
                Directory.Move(building, root);
            }
            catch (IOException) when (Directory.Exists(root))
            {
                Directory.Delete(building, recursive: true);
            }
        }

        return Path.Combine(root, binaries.Folder.TrimStart('/'));
    }

    // Each file is unlinked before it is written: in the copy it may be a hard link to the machine's own.
    private static void AddStandIns(string extensionFolder, string libraryFolder)
    {
        foreach (var extension in new[] { "timescaledb", "vector" })
        {
            Write(Path.Combine(extensionFolder, $"{extension}.control"), $"comment = 'Tiger Emulator test stand-in for {extension}'\ndefault_version = '{Version}'\nrelocatable = true\n");
            Write(Path.Combine(extensionFolder, $"{extension}--{Version}.sql"), $"CREATE FUNCTION {extension}_stand_in() RETURNS text LANGUAGE sql AS $$ SELECT '{extension}' $$;\n");
            File.Delete(Path.Combine(libraryFolder, $"{extension}.so"));
            File.Copy(Path.Combine(libraryFolder, "auto_explain.so"), Path.Combine(libraryFolder, $"{extension}.so"));
        }
    }

    private static void Write(string path, string text)
    {
        File.Delete(path);
        File.WriteAllText(path, text);
    }

    // Hard links cost nothing; a copy is the fallback where the temporary folder is on another file system.
    private static async Task CopyAsync(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        try
        {
            await RunAsync("cp", "-al", from, to);
        }
        catch (InvalidOperationException)
        {
            if (Directory.Exists(to))
            {
                Directory.Delete(to, recursive: true);
            }

            await RunAsync("cp", "-a", from, to);
        }
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)}: {errors}");
    }
}
