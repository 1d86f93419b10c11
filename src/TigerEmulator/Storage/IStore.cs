namespace TigerEmulator.Storage;

/// The only way handlers and the lifecycle reach stored state. Every read returns a private copy: change it
/// and call <see cref="Update"/> to store the change.
public interface IStore<T>
    where T : class, IDocument
{
    T? Get(string id);

    /// The stored document itself, shared with every other reader, for answers that only read it: it is never
    /// changed in place (Update stores a new copy), so it stays consistent, but it must not be changed either.
    T? Peek(string id);

    /// Like <see cref="List"/>, without the copies: the same rule as <see cref="Peek"/> applies.
    IReadOnlyList<T> PeekList(Func<T, bool> predicate);

    IReadOnlyList<T> List(Func<T, bool> predicate);

    IReadOnlyList<T> All();

    /// The document with the smallest key among those that match; null when none does.
    T? First<TKey>(Func<T, bool> predicate, Func<T, TKey> orderBy);

    int Count();

    void Insert(T document);

    void Update(T document);

    bool Delete(string id);

    void DeleteAll();

    /// Runs a read-check-write as one step against every store, so that two concurrent actions never both win.
    TResult Atomically<TResult>(Func<TResult> work);
}
