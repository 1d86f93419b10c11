using System.Collections.Concurrent;
using LiteDB;

namespace TigerEmulator.Storage;

/// LiteDB is the store of record; a copy of every document is kept in memory so that reads never wait on it.
/// Writes change memory under the state lock and reach LiteDB in order, batched on its writer thread. Memory holds
/// a private copy of each document, replaced whole on update and never changed in place, so the writer thread and
/// readers that peek can share it while the caller goes on editing its own.
internal sealed class LiteStore<T> : IStore<T>
    where T : class, IDocument
{
    private readonly EmulatorDatabase database;
    private readonly StateLock state;

    // Used on the writer thread only, which opens an in-memory database with its first write.
    private ILiteCollection<T>? collection;
    private readonly ConcurrentDictionary<string, T> memory = new();
    private readonly DueSchedule schedule = new();
    private readonly OwnerIndex owners = new();

    private static readonly bool Owned = typeof(IOwnedDocument).IsAssignableFrom(typeof(T));

    public LiteStore(EmulatorDatabase database, StateLock state)
    {
        this.database = database;
        this.state = state;
        foreach (var document in database.Load<T>())
        {
            memory[document.Id] = document;
            Index(null, document);
        }
    }

    public T? Get(string id) => memory.TryGetValue(id, out var document) ? DocumentCopy.Of(document) : null;

    public T? Peek(string id) => memory.GetValueOrDefault(id);

    public IReadOnlyList<T> List(Func<T, bool> predicate) => [.. PeekList(predicate).Select(DocumentCopy.Of)];

    public IReadOnlyList<T> PeekList(Func<T, bool> predicate)
    {
        var found = new List<T>();
        foreach (var (_, document) in memory)
        {
            if (predicate(document))
            {
                found.Add(document);
            }
        }

        return found;
    }

    public IReadOnlyList<T> PeekOwnedBy(string ownerId)
    {
        if (!Owned)
        {
            throw new NotSupportedException($"{typeof(T).Name} has no owner to look it up by");
        }

        var found = new List<T>();
        foreach (var id in owners.Of(ownerId))
        {
            if (memory.TryGetValue(id, out var document))
            {
                found.Add(document);
            }
        }

        return found;
    }

    public IReadOnlyList<T> All() => List(_ => true);

    public IReadOnlyList<T> DueBy(DateTime time) =>
        [.. schedule.DueBy(time).Select(id => memory.TryGetValue(id, out var document) ? DocumentCopy.Of(document) : null).OfType<T>()];

    public DateTime? NextDue() => schedule.Next();

    public int Count() => memory.Count;

    public void Insert(T document)
    {
        using (state.Hold())
        {
            var copy = DocumentCopy.Of(document);
            if (!memory.TryAdd(document.Id, copy))
            {
                throw new InvalidOperationException($"A {typeof(T).Name} with id '{document.Id}' already exists");
            }

            Index(null, copy);

            // A new id: LiteDB's upsert would look it up first, in vain.
            database.Write(opened => Collection(opened).Insert(copy));
        }
    }

    public void Update(T document)
    {
        using (state.Hold())
        {
            if (!memory.TryGetValue(document.Id, out var stored))
            {
                return;
            }

            var copy = DocumentCopy.Of(document);
            memory[document.Id] = copy;
            Index(stored, copy);

            // Upsert, not update: a write lost to a failed batch comes back with the next change.
            database.Write(opened => Collection(opened).Upsert(copy));
        }
    }

    public bool Delete(string id)
    {
        using (state.Hold())
        {
            if (!memory.TryRemove(id, out var stored))
            {
                return false;
            }

            Index(stored, null);

            database.Write(opened => Collection(opened).Delete(id));
            return true;
        }
    }

    public void DeleteAll()
    {
        using (state.Hold())
        {
            memory.Clear();
            schedule.Clear();
            owners.Clear();
            database.Write(opened => Collection(opened).DeleteAll());
        }
    }

    // The indexes beside memory follow every change of it, so that the worker and owner lookups never scan.
    private void Index(T? before, T? after)
    {
        schedule.Track(before, after);
        owners.Track(before as IOwnedDocument, after as IOwnedDocument);
    }

    private ILiteCollection<T> Collection(LiteDatabase opened) => collection ??= EmulatorDatabase.Collection<T>(opened);
}
