using LiteDB;

namespace TigerEmulator.Storage;

/// A store's collection in the data folder. Each change is described on the log's thread, out of the state lock, from
/// the document as stored in memory, which is replaced whole on update and never changed in place; it carries the way
/// to take the change back from memory should the disk refuse it.
internal sealed class FileCollection<T>(EmulatorDatabase database)
    where T : class, IDocument
{
    // The mapper LiteDB reads the documents back with at start (a default one), so that both agree on every field.
    private static readonly BsonMapper Mapper = new();
    private static readonly string Name = typeof(T).Name;

    public void Upsert(T document, Action undo) =>
        database.Write(() => new FileWrite(Name, FileWrite.Kinds.Upsert, null, Mapper.ToDocument(document)), undo);

    public void Delete(string id, Action undo) => database.Write(() => new FileWrite(Name, FileWrite.Kinds.Delete, id, null), undo);

    public void DeleteAll(Action undo) => database.Write(() => new FileWrite(Name, FileWrite.Kinds.DeleteAll, null, null), undo);
}
