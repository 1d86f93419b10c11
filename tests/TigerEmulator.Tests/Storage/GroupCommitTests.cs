using System.Globalization;
using LiteDB;
using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

/// Changes reach the log in groups and LiteDB behind it, in order, on one reader each: a flush sees everything handed
/// over before it, a stop stores what is pending and lets the log go, and a group the disk refuses is taken back,
/// newest change first, without stopping later ones.
public sealed class GroupCommitTests : IDisposable
{
    private const int Writes = 4500;

    private readonly string folder = Directory.CreateTempSubdirectory("tiger-group-commit-").FullName;
    private readonly StateLock state = new();
    private readonly FullDisk disk = new();
    private readonly DataFile file;
    private readonly GroupCommit writer;

    public GroupCommitTests()
    {
        file = new DataFile(folder, disk);
        writer = new GroupCommit(new WriteAheadLog(folder, disk), new WriteBehind(file, folder, logger: null), state, logger: null);
    }

    public void Dispose()
    {
        writer.Stop();
        file.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Flush_AfterManyWrites_SeesThemAllInLiteDb_InTheOrderHandedOver()
    {
        for (var i = 0; i < Writes; i++)
        {
            Enqueue(Row(i));
        }

        Enqueue(Row(0, last: true));
        writer.Flush();

        Assert.Equal(Writes, Rows().Count());
        Assert.True(Rows().FindById("0")["Last"].AsBoolean);
    }

    [Fact]
    public void Stop_StoresEveryPendingWrite_LetsTheLogGo_AndRefusesLaterOnes()
    {
        for (var i = 0; i < Writes; i++)
        {
            Enqueue(Row(i));
        }

        writer.Stop();

        Assert.Equal(Writes, Rows().Count());
        Assert.Empty(Directory.GetFiles(folder, "*wal*"));
        var refused = Assert.Throws<ObjectDisposedException>(() => Enqueue(Row(Writes)));
        Assert.Equal($"Cannot access a disposed object.{Environment.NewLine}Object name: 'TigerEmulator.Storage.GroupCommit'.", refused.Message);
    }

    [Fact]
    public async Task RefusedGroup_IsTakenBackNewestFirst_ItsRequestsHearWhy_AndLaterWritesStillLand()
    {
        Enqueue(Row(1));
        writer.Flush();

        var undone = new List<int>();
        var receipt = DurableWrites.Begin();
        disk.Full = true;
        // One group: both are handed over under one hold of the lock, so the log's thread cannot take the first alone.
        state.Run(() =>
        {
            writer.Enqueue(Row(2), () => undone.Add(2));
            writer.Enqueue(Row(3), () => undone.Add(3));
            return 0;
        });
        var failure = await receipt.StoredAsync();
        disk.Full = false;
        Enqueue(Row(4));
        writer.Flush();

        Assert.Equal("No space left on device", failure?.Message);
        Assert.Equal([3, 2], undone);
        Assert.Equal(["1", "4"], Rows().FindAll().Select(row => row["_id"].AsString));
    }

    private void Enqueue(FileWrite write) =>
        state.Run(() =>
        {
            writer.Enqueue(write, () => { });
            return 0;
        });

    private ILiteCollection<BsonDocument> Rows() => file.Database.GetCollection(nameof(Storage.Row));

    private static FileWrite Row(int id, bool last = false) =>
        FileWrite.Upsert(nameof(Storage.Row), new Row { Id = id.ToString(CultureInfo.InvariantCulture), Last = last });
}
