namespace TigerEmulator.Storage;

/// A document that belongs to another (a replica set to its service): its store indexes it by owner, so that an
/// answer about the owner finds its documents without scanning every document of the kind.
public interface IOwnedDocument : IDocument
{
    string OwnerId { get; }
}
