using LiteDB;
using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

/// Writes reach the file in order, many to a transaction, on one reader: a flush sees everything handed over before
/// it, a stop stores what is pending, and a failed batch is rolled back without stopping the writes after it.
public sealed class WriteBehindTests : IDisposable
{
    private const int Writes = 4500;

    private readonly string folder = Directory.CreateTempSubdirectory("tiger-write-behind-").FullName;
    private readonly LiteDatabase file;
    private readonly WriteBehind writer;

    public WriteBehindTests()
    {
        file = new LiteDatabase(new ConnectionString { Filename = Path.Combine(folder, "test.db"), Connection = ConnectionType.Direct });
        writer = new WriteBehind(file, logger: null);
    }

    public void Dispose()
    {
        writer.Stop();
        file.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Flush_AfterManyWrites_SeesThemAllInTheFile_InTheOrderHandedOver()
    {
        for (var i = 0; i < Writes; i++)
        {
            writer.Enqueue(Insert(i));
        }

        writer.Enqueue(database => database.GetCollection("rows").Update(new BsonDocument { ["_id"] = 0, ["last"] = true }));
        writer.Flush();

        Assert.Equal(Writes, file.GetCollection("rows").Count());
        Assert.True(file.GetCollection("rows").FindById(0)["last"].AsBoolean);
    }

    [Fact]
    public void Stop_StoresEveryPendingWrite_AndRefusesLaterOnes()
    {
        for (var i = 0; i < Writes; i++)
        {
            writer.Enqueue(Insert(i));
        }

        writer.Stop();

        Assert.Equal(Writes, file.GetCollection("rows").Count());
        var refused = Assert.Throws<ObjectDisposedException>(() => writer.Enqueue(Insert(Writes)));
        Assert.Equal($"The data file is closed; the write was not stored{Environment.NewLine}Object name: 'WriteBehind'.", refused.Message);
    }

    [Fact]
    public void FailedBatch_IsRolledBack_AndLaterWritesStillLand()
    {
        writer.Enqueue(Insert(1));
        writer.Flush();

        writer.Enqueue(database =>
        {
            Insert(2)(database);
            throw new LiteException(0, "disk full");
        });
        writer.Flush();
        writer.Enqueue(Insert(3));
        writer.Flush();

        Assert.Equal([1, 3], file.GetCollection("rows").FindAll().Select(row => row["_id"].AsInt32));
    }

    private static Action<LiteDatabase> Insert(int id) =>
        database => database.GetCollection("rows").Insert(new BsonDocument { ["_id"] = id });
}
