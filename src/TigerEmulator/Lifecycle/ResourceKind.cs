using TigerEmulator.Storage;

namespace TigerEmulator.Lifecycle;

/// A kind's shape bound to its store.
internal sealed class ResourceKind<T>(KindShape<T> shape, IStore<T> store) : IResourceKind
    where T : class, IDocument
{
    public string Name => shape.Name;

    public IReadOnlyList<string> Statuses => shape.Statuses;

    public IReadOnlyList<LifecycleAction> Actions => shape.Actions;

    public string? FailedStatus => shape.FailedStatus;

    public string? OwnerKind => shape.Owner?.Kind;

    public int StartsWith => shape.StartsWith;

    public int Count() => store.Count();

    public void DeleteAll() => store.DeleteAll();

    public string? ProjectOf(IDocument document) => shape.ProjectOf((T)document);

    public IReadOnlyList<string> FaultTargets(IDocument document) =>
        shape.FaultTargets is { } targets ? targets((T)document) : [document.Id];

    public IReadOnlyList<IDocument> OwnedBy(string ownerId)
    {
        if (shape.Owner is not { } owner)
        {
            return [];
        }

        // Owned documents are indexed by owner; others are few enough to scan.
        var owned = typeof(IOwnedDocument).IsAssignableFrom(typeof(T))
            ? store.PeekOwnedBy(ownerId).Select(d => store.Get(d.Id)).OfType<T>().ToList()
            : store.List(d => owner.IdOf(d) == ownerId);
        return owned;
    }

    public ILifecycleDocument? Get(string id) => store.Get(id) as ILifecycleDocument;

    public IReadOnlyList<ILifecycleDocument> DueBy(DateTime time) => store.DueBy(time).OfType<ILifecycleDocument>().ToList();

    public IReadOnlyList<ILifecycleDocument> Where(Func<ILifecycleDocument, bool> predicate) =>
        store.List(d => d is ILifecycleDocument lifecycle && predicate(lifecycle)).OfType<ILifecycleDocument>().ToList();

    public DateTime? NextDue() => store.NextDue();

    public void Update(ILifecycleDocument document) => store.Update((T)document);

    public bool Delete(string id) => store.Delete(id);
}
