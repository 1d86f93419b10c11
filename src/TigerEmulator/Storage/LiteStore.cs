using System.Linq.Expressions;
using LiteDB;

namespace TigerEmulator.Storage;

internal sealed class LiteStore<T>(EmulatorDatabase database) : IStore<T>
    where T : class, IDocument
{
    private readonly ILiteCollection<T> collection = database.Collection<T>();

    public T? Get(string id) => collection.FindById(id);

    public IReadOnlyList<T> List(Expression<Func<T, bool>> predicate) => collection.Find(predicate).ToList();

    public IReadOnlyList<T> All() => collection.FindAll().ToList();

    public T? First(Expression<Func<T, bool>> predicate, Expression<Func<T, object?>> orderBy) =>
        collection.Query().Where(predicate).OrderBy(orderBy).Limit(1).FirstOrDefault();

    public int Count() => collection.Count();

    public void Insert(T document)
    {
        lock (database.WriteLock)
        {
            collection.Insert(document);
        }
    }

    public void Update(T document)
    {
        lock (database.WriteLock)
        {
            collection.Update(document);
        }
    }

    public bool Delete(string id)
    {
        lock (database.WriteLock)
        {
            return collection.Delete(id);
        }
    }

    public void DeleteAll()
    {
        lock (database.WriteLock)
        {
            collection.DeleteAll();
        }
    }

    public TResult Atomically<TResult>(Func<TResult> work)
    {
        lock (database.WriteLock)
        {
            return work();
        }
    }
}
