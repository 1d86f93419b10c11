using LiteDB;

namespace TigerEmulator.Storage;

/// One change to a collection of the data file: a document stored whole, a document deleted, or every document
/// deleted. Each names its collection and carries the document's full state, so applying a run of them again, from the
/// start of the write-ahead log, ends in the same file (see <see cref="WriteAheadLog"/>).
internal readonly record struct FileWrite(string Collection, FileWrite.Kinds Kind, BsonValue? Id, BsonDocument? Document)
{
    public enum Kinds
    {
        Upsert = 1,
        Delete = 2,
        DeleteAll = 3,
    }

    public void Apply(LiteDatabase database)
    {
        var collection = database.GetCollection(Collection);
        switch (Kind)
        {
            case Kinds.Upsert:
                collection.Upsert(Document);
                break;
            case Kinds.Delete:
                collection.Delete(Id);
                break;
            default:
                collection.DeleteAll();
                break;
        }
    }

    /// As a record of the write-ahead log: a BSON document, which carries its own length.
    public BsonDocument ToRecord() => new()
    {
        ["c"] = Collection,
        ["k"] = (int)Kind,
        ["i"] = Id ?? BsonValue.Null,
        ["d"] = Document ?? BsonValue.Null,
    };

    public static FileWrite FromRecord(BsonDocument record) =>
        new(record["c"].AsString, (Kinds)record["k"].AsInt32, record["i"], record["d"].IsNull ? null : record["d"].AsDocument);
}
