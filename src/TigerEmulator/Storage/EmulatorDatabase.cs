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

        var folder = options.DataDir;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Named by its setting, so that the one line printed at start says which setting to change.
            throw new SettingException(
                "TIGER_EMULATOR_DATA_DIR",
                $" '{folder}' cannot be used: {exception.Message.ReplaceLineEndings(" ").TrimEnd('.')}; give a folder the emulator can create and write");
        }

        folderLock = DataFolderLock.Acquire(folder);
        try
        {
            files ??= new DataFiles();
            file = Open(folder, files);
            var replayed = WriteAheadLog.Replay(folder, file.Database);
            if (replayed > 0)
            {
                logger?.LogInformation("Applied {Count} changes from the write-ahead log that the last run had not put in LiteDB", replayed);
            }

            writer = new GroupCommit(new WriteAheadLog(folder, files), new WriteBehind(file, folder, logger), state, logger);
        }
        catch
        {
            // Every failed start lets the folder go, so that the next one (or another emulator) can have it.
            file?.Discard();
            folderLock.Dispose();
            throw;
        }
    }

    // Refuses, in one line with the way out, a file that is not LiteDB's, a damaged log, one that cannot be opened, or
    // one whose pages LiteDB cannot read (every collection is read through once, as the stores will at start).
    private static DataFile Open(string folder, DataFiles files)
    {
        var file = new DataFile(folder, files);
        DataFolderCheck.Check(file.Path, Path.Combine(folder, DataFile.LogName));
        try
        {
            foreach (var name in file.Database.GetCollectionNames())
            {
                _ = file.Database.GetCollection(name).FindAll().Count();
            }

            return file;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            file.Discard();
            throw new DataFolderException($"{file.Path} cannot be opened for reading and writing ({exception.Message}); check its permissions and that its disk is writable", exception);
        }
        catch (Exception exception) when (exception is LiteException or InvalidCastException or IndexOutOfRangeException or ArgumentException)
        {
            file.Discard();
            throw DataFolderException.MoveAside(file.Path, $"is damaged (LiteDB: {exception.Message.ReplaceLineEndings(" ")})");
        }
    }

    public bool IsDurable => file is not null;

    /// Every stored document of a type, for a store to start from; none without a data folder.
    internal IEnumerable<T> Load<T>() => file is null ? [] : Collection<T>(file.Database).FindAll();

    internal static ILiteCollection<T> Collection<T>(LiteDatabase database) => database.GetCollection<T>(typeof(T).Name);

    /// Hands a write to the file's one writer, under the state lock, once memory holds the change; writes are stored
    /// in the order they are handed over, and <paramref name="undo"/> takes the change back if the disk refuses it.
    internal void Write(FileWrite write, Action undo) =>
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
