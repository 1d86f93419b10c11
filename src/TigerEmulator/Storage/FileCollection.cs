namespace TigerEmulator.Storage;

/// A store's collection in the data folder, named after the document type. Each change carries the document as
/// memory holds it, which is replaced whole on update and never changed in place, and the way to take the change back
/// from memory should the disk refuse it.
internal sealed class FileCollection<T>(EmulatorDatabase database)
    where T : class, IDocument
{
    private static readonly string Name = typeof(T).Name;

    public void Insert(T document, Action undo) => database.Write(FileWrite.Insert(Name, document), undo);

    public void Upsert(T document, Action undo) => database.Write(FileWrite.Upsert(Name, document), undo);

    public void Delete(string id, Action undo) => database.Write(FileWrite.Delete(Name, id), undo);

    public void DeleteAll(Action undo) => database.Write(FileWrite.DeleteAll(Name), undo);
}
