using System.Collections.Concurrent;

namespace TigerEmulator.Storage;

/// A store answers from memory, which holds the state; with a data folder, every write also reaches its file, in order,
/// written behind on one reader (<see cref="WriteBehind"/>). Writes change memory under the state lock. Memory holds a
/// private copy of each document, replaced whole on update and never changed in place, so the file's writer and
/// readers that peek can share it while the caller goes on editing its own.
internal sealed class MemoryStore<T> : IStore<T>
    where T : class, IDocument
{
    private readonly StateLock state;
    private readonly FileCollection<T>? file;
    private readonly ConcurrentDictionary<string, T> memory = new();
    private readonly DueSchedule schedule = new();
    private readonly OwnerIndex owners = new();

    private static readonly bool Owned = typeof(IOwnedDocument).IsAssignableFrom(typeof(T));

    public MemoryStore(EmulatorDatabase database, StateLock state)
    {
        this.state = state;
        file = database.IsDurable ? new FileCollection<T>(database) : null;
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
            file?.Insert(copy);
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
            file?.Upsert(copy);
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
            file?.Delete(id);
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
            file?.DeleteAll();
        }
    }

    // The indexes beside memory follow every change of it, so that the worker and owner lookups never scan.
    private void Index(T? before, T? after)
    {
        schedule.Track(before, after);
        owners.Track(before as IOwnedDocument, after as IOwnedDocument);
    }
}
