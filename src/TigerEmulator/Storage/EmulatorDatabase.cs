using LiteDB;

namespace TigerEmulator.Storage;

/// The data folder, when one is configured: the stores load from its LiteDB file at start, every change is in its
/// write-ahead log before its request is answered (<see cref="GroupCommit"/>) and reaches LiteDB behind
/// (<see cref="WriteBehind"/>). Without a data folder there is no file and no LiteDB at all: the stores' memory is the
/// whole state.
public sealed class EmulatorDatabase : IDisposable
{
    public const string FileName = "tiger-emulator.db";

    private readonly DataFile? file;
    private readonly DataFolderLock? folderLock;
    private readonly GroupCommit? writer;
    private readonly StateLock state;

    public EmulatorDatabase(EmulatorOptions options, StateLock state, ILogger<EmulatorDatabase>? logger = null, DataFiles? files = null)
    {
        this.state = state;
        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            return;
        }

        Directory.CreateDirectory(options.DataDir);
        folderLock = DataFolderLock.Acquire(options.DataDir);
        files ??= new DataFiles();
        file = new DataFile(options.DataDir, files);
        var replayed = WriteAheadLog.Replay(options.DataDir, file.Database);
        if (replayed > 0)
        {
            logger?.LogInformation("Applied {Count} changes from the write-ahead log that the last run had not put in LiteDB", replayed);
        }

        writer = new GroupCommit(
            new WriteAheadLog(options.DataDir, files), new WriteBehind(file, options.DataDir, logger), state, logger);
    }

    public bool IsDurable => file is not null;

    /// Every stored document of a type, for a store to start from; none without a data folder.
    internal IEnumerable<T> Load<T>() => file is null ? [] : Collection<T>(file.Database).FindAll();

    internal static ILiteCollection<T> Collection<T>(LiteDatabase database) => database.GetCollection<T>(typeof(T).Name);

    /// Hands a write to the file's one writer, under the state lock, once memory holds the change; writes are stored
    /// in the order they are handed over, and <paramref name="undo"/> takes the change back if the disk refuses it.
    internal void Write(Func<FileWrite> write, Action undo) =>
        (writer ?? throw new InvalidOperationException("Without a data folder nothing is written")).Enqueue(write, undo);

    /// Waits until every write handed over so far is in the log and in LiteDB; returns at once without a data folder.
    public void Flush() => writer?.Flush();

    /// A clean stop stores every pending write in LiteDB, folds LiteDB's own log into the data file, lets the
    /// write-ahead log go and then the folder.
    public void Dispose()
    {
        writer?.Stop();
        using (state.Hold())
        {
            file?.Dispose();
            folderLock?.Dispose();
        }
    }
}
