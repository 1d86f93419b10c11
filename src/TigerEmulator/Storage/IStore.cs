namespace TigerEmulator.Storage;

/// The only way handlers and the lifecycle reach stored state. Documents are immutable records: a read hands out the
/// stored instance, shared with every other reader, and a change is a new record (<c>with</c>) stored by
/// <see cref="Update"/>. A read-check-write runs inside <see cref="StateLock.Run"/>.
public interface IStore<T>
    where T : class, IDocument
{
    T? Get(string id);

    IReadOnlyList<T> List(Func<T, bool> predicate);

    /// The documents that belong to an owner (see <see cref="IOwnedDocument"/>), found through an index rather than a
    /// scan. Only for stores of owned documents.
    IReadOnlyList<T> OwnedBy(string ownerId);

    IReadOnlyList<T> All();

    /// Lifecycle documents whose next step falls due at or before the time, earliest first.
    IReadOnlyList<T> DueBy(DateTime time);

    /// When the earliest next lifecycle step among the documents falls due, held steps aside; null when none does.
    DateTime? NextDue();

    int Count();

    void Insert(T document);

    /// Replaces the stored document of the same id with this one; an id no longer stored is ignored.
    void Update(T document);

    bool Delete(string id);

    void DeleteAll();
}
