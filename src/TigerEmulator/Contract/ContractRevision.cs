using System.Reflection;

namespace TigerEmulator.Contract;

/// One revision of the Tiger contract, embedded in the emulator byte for byte. The emulator serves both at once:
/// clients generated from either work unchanged, so every answer is valid under each revision that has its operation.
public sealed record ContractRevision(string Name, string FileName, string Title)
{
    /// The revision the project started from: the repository's top-level openapi.yml.
    public static readonly ContractRevision Older = new("older", "openapi.yml", "Tiger Cloud API (openapi.yml, older revision)");

    /// The revision the current Tiger CLI is generated from: Contract/openapi-latest.yml.
    public static readonly ContractRevision Latest = new("latest", "openapi-latest.yml", "Tiger Cloud API (openapi-latest.yml, current CLI)");

    public static readonly IReadOnlyList<ContractRevision> All = [Older, Latest];

    /// Where Swagger UI reads the revision, pointed at this emulator.
    public string ServedPath => $"/swagger/contract/{FileName}";

    public string Original()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException($"{FileName} is not embedded in the emulator");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
