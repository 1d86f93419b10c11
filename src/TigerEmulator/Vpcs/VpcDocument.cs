using TigerEmulator.Storage;

namespace TigerEmulator.Vpcs;

public sealed class VpcDocument : IDocument
{
    public string Id { get; set; } = "";

    public string ProjectId { get; set; } = "";

    public string Name { get; set; } = "";

    public string Cidr { get; set; } = "";

    public string RegionCode { get; set; } = "";

    public DateTime Created { get; set; }
}
