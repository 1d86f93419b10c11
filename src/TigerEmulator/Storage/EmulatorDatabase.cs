using LiteDB;

namespace TigerEmulator.Storage;

/// Owns the LiteDB instance: in memory by default, in a file inside the data folder when one is configured.
/// An in-memory database starts empty, so nothing is read from it at start: the writer thread opens it with its first
/// batch, a moment after the start (see <see cref="SettleInMemory"/>), which keeps LiteDB's opening (~100 ms of JIT)
/// off the start and off every request. It is thrown away with the emulator, so a stop does not store what is pending.
public sealed class EmulatorDatabase : IDisposable
{
    public const string FileName = "tiger-emulator.db";

    private readonly Lazy<LiteDatabase> database;
    private readonly DataFolderLock? folderLock;
    private readonly WriteBehind writer;
    private readonly StateLock state;

    public EmulatorDatabase(EmulatorOptions options, StateLock state, ILogger<EmulatorDatabase>? logger = null)
    {
        this.state = state;
        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            database = new Lazy<LiteDatabase>(() => Open(new LiteDatabase(new MemoryPages(), new BsonMapper())));
            IsDurable = false;
        }
        else
        {
            Directory.CreateDirectory(options.DataDir);
            folderLock = DataFolderLock.Acquire(options.DataDir);
            var path = Path.Combine(options.DataDir, FileName);
            var file = Open(new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, new BsonMapper()));
            database = new Lazy<LiteDatabase>(file);
            IsDurable = true;
        }

        writer = new WriteBehind(database, logger, IsDurable ? TimeSpan.Zero : SettleInMemory);
    }

    /// How long an in-memory database waits before its first write: see <see cref="WriteBehind"/>.
    internal static readonly TimeSpan SettleInMemory = TimeSpan.FromSeconds(2);

    public bool IsDurable { get; }

    /// Every stored document of a type, for a store to start from; none from an in-memory database not yet written.
    internal IEnumerable<T> Load<T>() => database.IsValueCreated ? Collection<T>(database.Value).FindAll() : [];

    internal static ILiteCollection<T> Collection<T>(LiteDatabase database) => database.GetCollection<T>(typeof(T).Name);

    /// Hands a write to LiteDB's one writer thread; writes are applied in the order they are handed over.
    internal void Write(Action<LiteDatabase> write) => writer.Enqueue(write);

    /// Waits until every write handed over so far is in LiteDB.
    public void Flush() => writer.Flush();

    /// A clean stop on a data folder stores every pending write and folds LiteDB's log into the data file under the state
    /// lock, so that no answered write is left only in the log and no write is cut off half way.
    public void Dispose()
    {
        using (state.Hold())
        {
            writer.Stop(discard: !IsDurable);
            if (IsDurable)
            {
                database.Value.Checkpoint();
            }

            if (database.IsValueCreated)
            {
                database.Value.Dispose();
            }
            folderLock?.Dispose();
        }
    }

    private static LiteDatabase Open(LiteDatabase opened)
    {
        opened.UtcDate = true;
        return opened;
    }
}
