using System.Linq.Expressions;

namespace TigerEmulator.Storage;

/// The only way handlers and the lifecycle reach stored state.
public interface IStore<T>
    where T : class, IDocument
{
    T? Get(string id);

    IReadOnlyList<T> List(Expression<Func<T, bool>> predicate);

    IReadOnlyList<T> All();

    /// The first document by an indexed field, among those that match; null when none does.
    T? First(Expression<Func<T, bool>> predicate, Expression<Func<T, object?>> orderBy);

    int Count();

    void Insert(T document);

    void Update(T document);

    bool Delete(string id);

    void DeleteAll();

    /// Runs a read-check-write as one step against every store, so that two concurrent actions never both win.
    TResult Atomically<TResult>(Func<TResult> work);
}
