using TigerEmulator.Storage;

namespace TigerEmulator.Auth;

public sealed class ProjectDocument : IDocument
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string PlanType { get; set; } = "FREE";

    public DateTime Created { get; set; }
}
