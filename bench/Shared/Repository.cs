namespace TigerEmulator.Bench;

/// The repository the bench runs from, for the benches that host the emulator in process: WebApplicationFactory finds
/// an app's content root by assembly name, so each is pointed at its source folder, as the tests do. Linked into each
/// bench project (they are standalone programs, outside the solution).
internal static class Repository
{
    public static string Root { get; } = Find();

    /// Points WebApplicationFactory at the source folder of the app built from bench or source folder
    /// <paramref name="relativePath"/>, whose assembly is <paramref name="assemblyName"/>.
    public static void UseAsContentRoot(string assemblyName = "TigerEmulator", string relativePath = "src/TigerEmulator") =>
        Environment.SetEnvironmentVariable(
            $"ASPNETCORE_TEST_CONTENTROOT_{assemblyName.ToUpperInvariant()}", Path.Combine(Root, relativePath));

    private static string Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "TigerEmulator.sln")))
        {
            folder = folder.Parent ?? throw new InvalidOperationException("run from inside the repository");
        }

        return folder.FullName;
    }
}
