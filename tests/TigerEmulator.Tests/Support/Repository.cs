namespace TigerEmulator.Tests.Support;

/// Finds files of the repository from the test output folder.
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TigerEmulator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TigerEmulator.sln not found above " + AppContext.BaseDirectory);
    }
}
