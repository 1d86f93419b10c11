using LiteDB;
using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

/// The write-behind gathers changes and gives LiteDB one write a document, in its last state: what LiteDB ends with is
/// what applying every change in order would have given.
public sealed class PendingWritesTests : IDisposable
{
    private readonly LiteDatabase database = new(new MemoryStream());
    private readonly PendingWrites pending = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public void ApplyTo_AfterThreeChangesOfOneDocument_StoresItsLastStateOnce()
    {
        pending.Add(Row(1, "QUEUED"));
        pending.Add(Row(1, "CONFIGURING"));
        pending.Add(Row(1, "READY"));

        pending.ApplyTo(database);

        Assert.Equal(1, pending.Count);
        Assert.Equal(["READY"], Rows().FindAll().Select(row => row["status"].AsString));
    }

    [Fact]
    public void ApplyTo_ADocumentChangedThenDeleted_DeletesItFromLiteDb()
    {
        Rows().Insert(new BsonDocument { ["_id"] = 1, ["status"] = "READY" });
        pending.Add(Row(1, "DELETING"));
        pending.Add(new FileWrite("rows", FileWrite.Kinds.Delete, 1, null));

        pending.ApplyTo(database);

        Assert.Equal(0, Rows().Count());
    }

    [Fact]
    public void ApplyTo_WritesBeforeAndAfterEmptyingACollection_KeepsOnlyTheLaterOnes_AndOtherCollections()
    {
        Rows().Insert(new BsonDocument { ["_id"] = 9, ["status"] = "READY" });
        pending.Add(Row(1, "QUEUED"));
        pending.Add(new FileWrite("others", FileWrite.Kinds.Upsert, null, new BsonDocument { ["_id"] = 1 }));
        pending.Add(new FileWrite("rows", FileWrite.Kinds.DeleteAll, null, null));
        pending.Add(Row(2, "QUEUED"));

        pending.ApplyTo(database);

        Assert.Equal([2], Rows().FindAll().Select(row => row["_id"].AsInt32));
        Assert.Equal(1, database.GetCollection("others").Count());
    }

    [Fact]
    public void Clear_LeavesNothingToApply()
    {
        pending.Add(Row(1, "QUEUED"));
        pending.Add(new FileWrite("rows", FileWrite.Kinds.DeleteAll, null, null));

        pending.Clear();
        pending.ApplyTo(database);

        Assert.Equal(0, pending.Count);
        Assert.False(database.CollectionExists("rows"));
    }

    private ILiteCollection<BsonDocument> Rows() => database.GetCollection("rows");

    private static FileWrite Row(int id, string status) =>
        new("rows", FileWrite.Kinds.Upsert, null, new BsonDocument { ["_id"] = id, ["status"] = status });
}
