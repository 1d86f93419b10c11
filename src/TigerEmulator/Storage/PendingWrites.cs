using LiteDB;

namespace TigerEmulator.Storage;

/// The changes gathered for LiteDB's next transaction, one a document: each write carries the document's whole state,
/// so a later one makes an earlier one of the same document useless, and a collection emptied makes every earlier
/// write to it useless. A service that is created and then moves through two steps within the gathering costs LiteDB
/// one upsert instead of three.
internal sealed class PendingWrites
{
    private readonly Dictionary<(string Collection, BsonValue Id), FileWrite> latest = [];
    private readonly HashSet<string> emptied = [];

    /// Documents (and emptied collections) waiting.
    public int Count => latest.Count + emptied.Count;

    public void Add(FileWrite write)
    {
        if (write.Kind == FileWrite.Kinds.DeleteAll)
        {
            latest.Keys.Where(key => key.Collection == write.Collection).ToList().ForEach(key => latest.Remove(key));
            emptied.Add(write.Collection);
            return;
        }

        latest[(write.Collection, write.Id ?? write.Document!["_id"])] = write;
    }

    /// Applies them in one transaction's worth of calls: the emptying first, as every write kept came after it.
    public void ApplyTo(LiteDatabase database)
    {
        foreach (var collection in emptied)
        {
            database.GetCollection(collection).DeleteAll();
        }

        foreach (var write in latest.Values)
        {
            write.Apply(database);
        }
    }

    public void Clear()
    {
        latest.Clear();
        emptied.Clear();
    }
}
