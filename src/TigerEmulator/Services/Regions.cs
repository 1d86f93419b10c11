namespace TigerEmulator.Services;

/// The region codes the emulator accepts for services and VPCs (documented in the README).
public static class Regions
{
    public const string Default = "us-east-1";

    public static readonly IReadOnlyList<string> All =
    [
        "us-east-1", "us-east-2", "us-west-2", "ca-central-1", "sa-east-1",
        "eu-central-1", "eu-west-1", "eu-west-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1",
    ];
}
