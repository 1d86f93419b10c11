using TigerEmulator.Storage;

namespace TigerEmulator.Auth;

public sealed record ProjectDocument : IDocument
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string PlanType { get; init; } = "FREE";

    public DateTime Created { get; init; }
}
