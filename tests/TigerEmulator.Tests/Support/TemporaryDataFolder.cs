namespace TigerEmulator.Tests.Support;

/// A data folder of its own for one test, under the system's temporary folder, deleted with the test.
public sealed class TemporaryDataFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tiger-emulator-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
