using LiteDB;
using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

/// The write-behind gathers changes and gives LiteDB one write a document, in its last state: what LiteDB ends with is
/// what applying every change in order would have given. A document inserted in the gathering is inserted without a
/// lookup, unless an earlier change in the same gathering says LiteDB may hold it.
public sealed class PendingWritesTests : IDisposable
{
    private readonly LiteDatabase database = new(new MemoryStream());
    private readonly PendingWrites pending = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public void ApplyTo_AfterThreeChangesOfOneDocument_StoresItsLastStateOnce()
    {
        pending.Add(FileWrite.Insert(Name, Row("1", "QUEUED")));
        pending.Add(FileWrite.Upsert(Name, Row("1", "CONFIGURING")));
        pending.Add(FileWrite.Upsert(Name, Row("1", "READY")));

        pending.ApplyTo(database);

        Assert.Equal(1, pending.Count);
        Assert.Equal(["READY"], Rows().FindAll().Select(row => row["Status"].AsString));
    }

    [Fact]
    public void ApplyTo_ADocumentChangedThenDeleted_DeletesItFromLiteDb()
    {
        Rows().Insert(new BsonDocument { ["_id"] = "1", ["Status"] = "READY" });
        pending.Add(FileWrite.Upsert(Name, Row("1", "DELETING")));
        pending.Add(FileWrite.Delete(Name, "1"));

        pending.ApplyTo(database);

        Assert.Equal(0, Rows().Count());
    }

    [Fact]
    public void ApplyTo_ADocumentLiteDbHolds_DeletedThenMadeAgain_IsStoredOverTheOldOne()
    {
        // An insert here would fail on the duplicate id and take the whole transaction with it.
        Rows().Insert(new BsonDocument { ["_id"] = "1", ["Status"] = "READY" });
        pending.Add(FileWrite.Delete(Name, "1"));
        pending.Add(FileWrite.Insert(Name, Row("1", "QUEUED")));

        pending.ApplyTo(database);

        Assert.Equal(["QUEUED"], Rows().FindAll().Select(row => row["Status"].AsString));
    }

    [Fact]
    public void ApplyTo_AnInsertedDocumentChanged_StaysAnInsert()
    {
        pending.Add(FileWrite.Insert(Name, Row("1", "QUEUED")));
        pending.Add(FileWrite.Upsert(Name, Row("1", "READY")));
        // Proof that LiteDB was not asked to update: a row it already held under the id makes the insert fail.
        Rows().Insert(new BsonDocument { ["_id"] = "1", ["Status"] = "STALE" });

        var refused = Assert.Throws<LiteException>(() => pending.ApplyTo(database));

        Assert.Equal("Cannot insert duplicate key in unique index '_id'. The duplicate value is '\"1\"'.", refused.Message);
    }

    [Fact]
    public void ApplyTo_WritesBeforeAndAfterEmptyingACollection_KeepsOnlyTheLaterOnes_AndOtherCollections()
    {
        Rows().Insert(new BsonDocument { ["_id"] = "9", ["Status"] = "READY" });
        pending.Add(FileWrite.Insert(Name, Row("1", "QUEUED")));
        pending.Add(FileWrite.Insert("Others", Row("1", "QUEUED")));
        pending.Add(FileWrite.DeleteAll(Name));
        pending.Add(FileWrite.Insert(Name, Row("2", "QUEUED")));

        pending.ApplyTo(database);

        Assert.Equal(["2"], Rows().FindAll().Select(row => row["_id"].AsString));
        Assert.Equal(1, database.GetCollection("Others").Count());
    }

    [Fact]
    public void Clear_LeavesNothingToApply()
    {
        pending.Add(FileWrite.Insert(Name, Row("1", "QUEUED")));
        pending.Add(FileWrite.DeleteAll(Name));

        pending.Clear();
        pending.ApplyTo(database);

        Assert.Equal(0, pending.Count);
        Assert.False(database.CollectionExists(Name));
    }

    private const string Name = nameof(Storage.Row);

    private ILiteCollection<BsonDocument> Rows() => database.GetCollection(Name);

    private static Row Row(string id, string status) => new() { Id = id, Status = status };
}
