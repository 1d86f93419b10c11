namespace TigerEmulator.Storage;

/// A stored record: LiteDB keys it by <see cref="Id"/>.
public interface IDocument
{
    string Id { get; set; }
}
