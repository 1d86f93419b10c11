using System.Diagnostics;

namespace TigerEmulator.Storage;

/// One emulator per data folder at a time: two LiteDB engines on one file corrupt it. The holder writes its process id
/// beside the lock (a locked file cannot be read), so that a refused start can name it. A host of this same process that is still shutting down
/// can overlap with the next one starting on the same folder (tests do that), so for its own process a start waits
/// its turn; another process's lock is refused at once.
public sealed class DataFolderLock : IDisposable
{
    public const string FileName = "tiger-emulator.lock";
    public const string HolderFileName = "tiger-emulator.lock.pid";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly FileStream file;

    private DataFolderLock(FileStream file) => this.file = file;

    public static DataFolderLock Acquire(string folder) => Acquire(folder, Patience);

    public static DataFolderLock Acquire(string folder, TimeSpan patience)
    {
        var path = Path.Combine(folder, FileName);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                File.WriteAllText(Path.Combine(folder, HolderFileName), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return new DataFolderLock(file);
            }
            catch (UnauthorizedAccessException exception)
            {
                throw new DataFolderException($"The data folder {folder} cannot be written ({exception.Message}); give the emulator a folder it may write to", exception);
            }
            catch (IOException exception) when (Holder(folder) is { } holder)
            {
                if (holder == Environment.ProcessId && waited.Elapsed < patience)
                {
                    Thread.Sleep(50);
                    continue;
                }

                throw new DataFolderException(
                    $"The data folder {folder} is in use by another emulator (process {holder}); stop it, or give this one another folder", exception);
            }
            catch (IOException exception)
            {
                throw new DataFolderException($"The data folder {folder} cannot be locked: {exception.Message}", exception);
            }
        }
    }

    public void Dispose() => file.Dispose();

    private static int? Holder(string folder)
    {
        try
        {
            return int.TryParse(File.ReadAllText(Path.Combine(folder, HolderFileName)).Trim(), out var id) ? id : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
