using LiteDB;

namespace TigerEmulator.Storage;

/// One change to a collection of the data file: a document stored whole, a document deleted, or every document
/// deleted. Each names its collection and carries the document itself (immutable, the instance memory holds), so
/// applying a run of them again, from the start of the write-ahead log, ends in the same file (see
/// <see cref="WriteAheadLog"/>). The document becomes LiteDB's BSON only when LiteDB stores it: once per document per
/// batch (<see cref="PendingWrites"/>), not once per change.
internal readonly record struct FileWrite(string Collection, FileWrite.Kinds Kind, string? Id, IDocument? Document)
{
    public enum Kinds : byte
    {
        Upsert = 1,
        Delete = 2,
        DeleteAll = 3,

        /// A document memory did not hold before: LiteDB stores it without first looking for it by id, which on a
        /// large collection costs more than the insert itself (see <see cref="PendingWrites"/> for when that holds).
        Insert = 4,
    }

    public static FileWrite Insert(string collection, IDocument document) => new(collection, Kinds.Insert, document.Id, document);

    public static FileWrite Upsert(string collection, IDocument document) => new(collection, Kinds.Upsert, document.Id, document);

    public static FileWrite Delete(string collection, string id) => new(collection, Kinds.Delete, id, null);

    public static FileWrite DeleteAll(string collection) => new(collection, Kinds.DeleteAll, null, null);

    public void Apply(LiteDatabase database)
    {
        var collection = database.GetCollection(Collection);
        switch (Kind)
        {
            case Kinds.Insert:
                collection.Insert(Bson(database));
                break;
            case Kinds.Upsert:
                collection.Upsert(Bson(database));
                break;
            case Kinds.Delete:
                collection.Delete(Id);
                break;
            default:
                collection.DeleteAll();
                break;
        }
    }

    // The database's own mapper: the one the stores read documents back with at start.
    private BsonDocument Bson(LiteDatabase database) => database.Mapper.ToDocument(Document!.GetType(), Document);
}
