namespace TigerEmulator.Storage;

/// A stored record, immutable: a change is a new record (<c>with</c>) handed to <see cref="IStore{T}.Update"/>, so what
/// a store hands out can be shared by every reader. LiteDB keys it by <see cref="Id"/>.
public interface IDocument
{
    string Id { get; init; }
}
