using LiteDB;

namespace TigerEmulator.Storage;

/// Owns the LiteDB instance: in memory by default, in a file inside the data folder when one is configured.
public sealed class EmulatorDatabase : IDisposable
{
    public const string FileName = "tiger-emulator.db";

    private readonly LiteDatabase database;
    private readonly DataFolderLock? folderLock;
    private readonly WriteBehind writer;

    public EmulatorDatabase(EmulatorOptions options, ILogger<EmulatorDatabase>? logger = null)
    {
        var mapper = new BsonMapper();
        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            database = new LiteDatabase(new MemoryPages(), mapper);
            IsDurable = false;
        }
        else
        {
            Directory.CreateDirectory(options.DataDir);
            folderLock = DataFolderLock.Acquire(options.DataDir);
            var path = Path.Combine(options.DataDir, FileName);
            database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, mapper);
            IsDurable = true;
        }

        database.UtcDate = true;
        writer = new WriteBehind(database, logger);
    }

    public bool IsDurable { get; }

    /// Every write in the emulator takes this lock: one writer at a time, as LiteDB prefers anyway.
    internal object WriteLock { get; } = new();

    internal ILiteCollection<T> Collection<T>() => database.GetCollection<T>(typeof(T).Name);

    /// Hands a write to LiteDB's one writer thread; writes are applied in the order they are handed over.
    internal void Write(Action write) => writer.Enqueue(write);

    /// Waits until every write handed over so far is in LiteDB.
    public void Flush() => writer.Flush();

    public void Checkpoint()
    {
        writer.Flush();
        if (IsDurable)
        {
            database.Checkpoint();
        }
    }

    /// A clean stop stores every pending write, folds LiteDB's log into the data file under the write lock, so that no answered write is left
    /// only in the log and no write is cut off half way.
    public void Dispose()
    {
        lock (WriteLock)
        {
            writer.Dispose();
            Checkpoint();
            database.Dispose();
            folderLock?.Dispose();
        }
    }
}
