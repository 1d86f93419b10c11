using TigerEmulator.Storage;

namespace TigerEmulator.Vpcs;

public sealed record VpcDocument : IDocument
{
    public string Id { get; init; } = "";

    public string ProjectId { get; init; } = "";

    public string Name { get; init; } = "";

    public string Cidr { get; init; } = "";

    public string RegionCode { get; init; } = "";

    public DateTime Created { get; init; }
}
