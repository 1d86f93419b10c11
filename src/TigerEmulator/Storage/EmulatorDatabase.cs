using LiteDB;

namespace TigerEmulator.Storage;

/// The data folder's LiteDB file, when one is configured: the stores load from it at start and write behind to it.
/// Without a data folder there is no file and no LiteDB at all: the stores' memory is the whole state.
public sealed class EmulatorDatabase : IDisposable
{
    public const string FileName = "tiger-emulator.db";

    private readonly LiteDatabase? file;
    private readonly DataFolderLock? folderLock;
    private readonly WriteBehind? writer;
    private readonly StateLock state;

    public EmulatorDatabase(EmulatorOptions options, StateLock state, ILogger<EmulatorDatabase>? logger = null)
    {
        this.state = state;
        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(options.DataDir);
            folderLock = DataFolderLock.Acquire(options.DataDir);
            var path = Path.Combine(options.DataDir, FileName);
            file = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, new BsonMapper()) { UtcDate = true };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException or LiteException)
        {
            // Named by its setting, so that the one line printed at start says which setting to change.
            folderLock?.Dispose();
            throw new SettingException(
                "TIGER_EMULATOR_DATA_DIR",
                $" '{options.DataDir}' cannot be used: {exception.Message.ReplaceLineEndings(" ").TrimEnd('.')}; give a folder the emulator can create and write");
        }

        writer = new WriteBehind(file, logger);
    }

    public bool IsDurable => file is not null;

    /// Every stored document of a type, for a store to start from; none without a data folder.
    internal IEnumerable<T> Load<T>() => file is null ? [] : Collection<T>(file).FindAll();

    internal static ILiteCollection<T> Collection<T>(LiteDatabase database) => database.GetCollection<T>(typeof(T).Name);

    /// Hands a write to the file's one writer; writes are applied in the order they are handed over.
    internal void Write(Action<LiteDatabase> write) =>
        (writer ?? throw new InvalidOperationException("Without a data folder nothing is written")).Enqueue(write);

    /// Waits until every write handed over so far is in the file; returns at once without one.
    public void Flush() => writer?.Flush();

    /// A clean stop stores every pending write and folds LiteDB's log into the data file under the state lock, so that
    /// no answered write is left only in the log and no write is cut off half way.
    public void Dispose()
    {
        using (state.Hold())
        {
            writer?.Stop();
            file?.Checkpoint();
            file?.Dispose();
            folderLock?.Dispose();
        }
    }
}
