using LiteDB;

namespace TigerEmulator.Storage;

/// The changes gathered for LiteDB's next transaction, one a document: each write carries the document's whole state,
/// so a later one makes an earlier one of the same document useless, and a collection emptied makes every earlier
/// write to it useless. A service that is created and then moves through two steps within the gathering costs LiteDB
/// one insert instead of three upserts. An insert stays one (LiteDB skips looking the document up) while no earlier
/// change of the same document in the gathering says LiteDB may hold it: memory inserts only a document it lacks, and
/// LiteDB holds no more than memory did at the end of the last gathering.
internal sealed class PendingWrites
{
    private readonly Dictionary<(string Collection, string Id), FileWrite> latest = [];
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

        var key = (write.Collection, write.Id!);
        if (latest.TryGetValue(key, out var earlier))
        {
            write = (earlier.Kind, write.Kind) switch
            {
                // Inserted in this gathering, then changed: still new to LiteDB.
                (FileWrite.Kinds.Insert, FileWrite.Kinds.Upsert) => write with { Kind = FileWrite.Kinds.Insert },
                // Deleted in this gathering, then made again: LiteDB may still hold the earlier one.
                (_, FileWrite.Kinds.Insert) => write with { Kind = FileWrite.Kinds.Upsert },
                _ => write,
            };
        }

        latest[key] = write;
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
