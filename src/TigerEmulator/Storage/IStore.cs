namespace TigerEmulator.Storage;

/// The only way handlers and the lifecycle reach stored state. Every read returns a private copy: change it
/// and call <see cref="Update"/> to store the change. A read-check-write runs inside <see cref="StateLock.Run"/>.
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

    /// The documents that belong to an owner (see <see cref="IOwnedDocument"/>), found through an index rather than a
    /// scan; the same rule as <see cref="Peek"/> applies. Only for stores of owned documents.
    IReadOnlyList<T> PeekOwnedBy(string ownerId);

    IReadOnlyList<T> All();

    /// Lifecycle documents whose next step falls due at or before the time, as private copies, earliest first.
    IReadOnlyList<T> DueBy(DateTime time);

    /// When the earliest next lifecycle step among the documents falls due, held steps aside; null when none does.
    DateTime? NextDue();

    int Count();

    void Insert(T document);

    void Update(T document);

    bool Delete(string id);

    void DeleteAll();
}
