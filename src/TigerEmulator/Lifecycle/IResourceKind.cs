using TigerEmulator.Storage;

namespace TigerEmulator.Lifecycle;

/// A registered kind of resource, seen without its document type: its shape and its store.
public interface IResourceKind
{
    string Name { get; }

    IReadOnlyList<LifecycleAction> Actions { get; }

    string? FailedStatus { get; }

    string? OwnerKind { get; }

    int StartsWith { get; }

    int Count();

    void DeleteAll();

    string? ProjectOf(IDocument document);

    IReadOnlyList<string> FaultTargets(IDocument document);

    /// The resources of this kind that belong to an owner of <see cref="OwnerKind"/>.
    IReadOnlyList<IDocument> OwnedBy(string ownerId);

    LifecycleDocument? Get(string id);

    IReadOnlyList<LifecycleDocument> DueBy(DateTime time);

    IReadOnlyList<LifecycleDocument> Where(Func<LifecycleDocument, bool> predicate);

    DateTime? NextDue();

    void Update(LifecycleDocument document);

    bool Delete(string id);
}
