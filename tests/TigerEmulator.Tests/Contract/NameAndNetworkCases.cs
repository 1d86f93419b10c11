namespace TigerEmulator.Tests.Contract;

/// Hand-written rules on names, CIDRs and regions that the schema alone cannot express.
public static class NameAndNetworkCases
{
    public const int MaxNameLength = 128;

    private static readonly string[] NamedOperations = ["createService", "createVPC", "renameVPC", "createReplicaSet", "forkService", "renameService"];

    private static readonly string[] NotIpv4Networks =
    [
        "10.0.0.0/33", "300.1.1.1/16", "10.0.0.1/16", "::1/64", "abc", "10.0.0.0", "10.0.0.0/", "10.0.0/16",
        "10.0.0.0/-1", "10.0.0.0/16/8", "010.0.0.0/16", "0x0a.0.0.0/16", "10.0.0.0 /16",
    ];

    public static IEnumerable<BadInputCase> All()
    {
        foreach (var operation in NamedOperations)
        {
            yield return BadInputCase.OfBody(operation, "empty name", body => body["name"] = "", ExpectedError.Invalid("name"));
            yield return BadInputCase.OfBody(operation, "blank name", body => body["name"] = "   ", ExpectedError.Invalid("name"));
            yield return BadInputCase.OfBody(operation, $"name of {MaxNameLength + 1} characters", body => body["name"] = new string('n', MaxNameLength + 1), ExpectedError.Invalid("name"));
        }

        foreach (var cidr in NotIpv4Networks)
        {
            yield return BadInputCase.OfBody("createVPC", $"cidr '{cidr}'", body => body["cidr"] = cidr, ExpectedError.Invalid("cidr"));
        }

        foreach (var operation in new[] { "createService", "createVPC" })
        {
            yield return BadInputCase.OfBody(operation, "undocumented region", body => body["region_code"] = "mars-north-1", ExpectedError.Invalid("region_code"));
            yield return BadInputCase.OfBody(operation, "empty region", body => body["region_code"] = "", ExpectedError.Invalid("region_code"));
        }
    }
}
