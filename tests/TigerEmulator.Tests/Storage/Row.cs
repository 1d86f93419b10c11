using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

/// A document of the storage tests' own: its collection in LiteDB is "Row", after the type (as for every store).
public sealed record Row : IDocument
{
    public string Id { get; init; } = "";

    public string Status { get; init; } = "";

    public bool Last { get; init; }
}
