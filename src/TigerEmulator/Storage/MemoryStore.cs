using System.Collections.Concurrent;

namespace TigerEmulator.Storage;

/// A store answers from memory, which holds the state; with a data folder, every write also reaches its file, in order,
/// in groups on one reader (<see cref="GroupCommit"/>), with the way to take it back should the disk refuse it. Writes change memory under the state lock. Documents are
/// immutable records, replaced whole on update, so memory, the file's writer and every reader share one instance.
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

    public T? Get(string id) => memory.GetValueOrDefault(id);

    public IReadOnlyList<T> List(Func<T, bool> predicate)
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

    public IReadOnlyList<T> OwnedBy(string ownerId)
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
        [.. schedule.DueBy(time).Select(id => memory.GetValueOrDefault(id)).OfType<T>()];

    public DateTime? NextDue() => schedule.Next();

    public int Count() => memory.Count;

    public void Insert(T document)
    {
        using (state.Hold())
        {
            if (!memory.TryAdd(document.Id, document))
            {
                throw new InvalidOperationException($"A {typeof(T).Name} with id '{document.Id}' already exists");
            }

            Index(null, document);
            file?.Insert(document, () => Put(document, null));
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

            memory[document.Id] = document;
            Index(stored, document);
            file?.Upsert(document, () => Put(document, stored));
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
            file?.Delete(id, () => Put(null, stored));
            return true;
        }
    }

    public void DeleteAll()
    {
        using (state.Hold())
        {
            var before = file is null ? [] : memory.Values.ToArray();
            memory.Clear();
            schedule.Clear();
            owners.Clear();
            file?.DeleteAll(() => Array.ForEach(before, document => Put(null, document)));
        }
    }

    // Takes a change back, under the state lock: memory and its indexes go from what the change made to what it replaced.
    private void Put(T? changed, T? previous)
    {
        if (previous is null)
        {
            memory.TryRemove(changed!.Id, out _);
        }
        else
        {
            memory[previous.Id] = previous;
        }

        Index(changed, previous);
    }

    // The indexes beside memory follow every change of it, so that the worker and owner lookups never scan.
    private void Index(T? before, T? after)
    {
        schedule.Track(before, after);
        owners.Track(before as IOwnedDocument, after as IOwnedDocument);
    }
}
