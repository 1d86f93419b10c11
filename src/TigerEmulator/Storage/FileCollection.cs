using LiteDB;

namespace TigerEmulator.Storage;

/// A store's collection in the data folder's file. Its writes run later, in order, on the write-behind reader, which
/// is the only one to touch the collection after the load; each carries the document as stored in memory, which is
/// replaced whole on update and never changed in place.
internal sealed class FileCollection<T>(EmulatorDatabase database)
    where T : class, IDocument
{
    private ILiteCollection<T>? collection;

    // A new id: LiteDB's upsert would look it up first, in vain.
    public void Insert(T document) => database.Write(file => In(file).Insert(document));

    // Upsert, not update: a write lost to a failed batch comes back with the next change.
    public void Upsert(T document) => database.Write(file => In(file).Upsert(document));

    public void Delete(string id) => database.Write(file => In(file).Delete(id));

    public void DeleteAll() => database.Write(file => In(file).DeleteAll());

    private ILiteCollection<T> In(LiteDatabase file) => collection ??= EmulatorDatabase.Collection<T>(file);
}
