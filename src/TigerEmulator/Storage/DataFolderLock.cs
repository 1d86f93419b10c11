namespace TigerEmulator.Storage;

/// One emulator per data folder at a time. Two LiteDB engines on one file corrupt it, and a host that is still
/// shutting down can overlap with the next one starting on the same folder, so the next one waits its turn.
public sealed class DataFolderLock : IDisposable
{
    public const string FileName = "tiger-emulator.lock";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly FileStream file;

    private DataFolderLock(FileStream file) => this.file = file;

    public static DataFolderLock Acquire(string folder) => Acquire(folder, Patience);

    public static DataFolderLock Acquire(string folder, TimeSpan patience)
    {
        var path = Path.Combine(folder, FileName);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new DataFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (waited.Elapsed < patience)
            {
                Thread.Sleep(50);
            }
            catch (IOException exception)
            {
                throw new InvalidOperationException($"The data folder {folder} is in use by another emulator: {exception.Message}", exception);
            }
        }
    }

    public void Dispose() => file.Dispose();
}
