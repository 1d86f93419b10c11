using TigerEmulator.Storage;

namespace TigerEmulator.Lifecycle;

/// A kind's shape bound to its store.
internal sealed class ResourceKind<T>(KindShape<T> shape, IStore<T> store) : IResourceKind
    where T : class, IDocument
{
    public string Name => shape.Name;

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
        return typeof(IOwnedDocument).IsAssignableFrom(typeof(T))
            ? store.OwnedBy(ownerId)
            : store.List(d => owner.IdOf(d) == ownerId);
    }

    public LifecycleDocument? Get(string id) => store.Get(id) as LifecycleDocument;

    public IReadOnlyList<LifecycleDocument> DueBy(DateTime time) => store.DueBy(time).OfType<LifecycleDocument>().ToList();

    public IReadOnlyList<LifecycleDocument> Where(Func<LifecycleDocument, bool> predicate) =>
        store.List(d => d is LifecycleDocument lifecycle && predicate(lifecycle)).OfType<LifecycleDocument>().ToList();

    public DateTime? NextDue() => store.NextDue();

    public void Update(LifecycleDocument document) => store.Update((T)(IDocument)document);

    public bool Delete(string id) => store.Delete(id);
}
