using System.Collections.Concurrent;

namespace TigerEmulator.Contract;

/// The Tiger contract's revisions as Swagger UI shows them: each file pointed at this emulator, told about Basic
/// authentication (when it does not already say so) and with the emulator's project id where the contract's examples
/// name a project of the cloud, so that "Try it out" works as it opens. The files themselves are never edited.
public sealed class ContractDocument(EmulatorOptions options)
{
    private const string CloudServer = "https://console.cloud.tigerdata.com/public/api/v1";

    /// The project id of the contract's examples: prefilled in Swagger UI's project_id field, where it would be a 403.
    private const string ExampleProjectId = "rp1pz7uyae";

    private readonly ConcurrentDictionary<ContractRevision, string> served = new();

    public string Served(ContractRevision revision) => served.GetOrAdd(revision, r => Build(r.Original(), options.ProjectId));

    private static string Build(string original, string projectId)
    {
        var text = original
            .Replace(CloudServer, "/public/api/v1", StringComparison.Ordinal)
            .Replace(ExampleProjectId, projectId, StringComparison.Ordinal);

        // The newer revision declares its schemes (Basic and bearer) and a top-level security list; the older declares neither.
        if (!text.Contains("\nsecurity:\n", StringComparison.Ordinal))
        {
            text = text.Replace("\ntags:\n", "\nsecurity:\n  - basicAuth: []\n\ntags:\n", StringComparison.Ordinal);
        }

        if (!text.Contains("\n  securitySchemes:\n", StringComparison.Ordinal))
        {
            text = text.Replace(
                "\ncomponents:\n",
                "\ncomponents:\n  securitySchemes:\n    basicAuth:\n      type: http\n      scheme: basic\n      description: public key as user name, secret key as password\n",
                StringComparison.Ordinal);
        }

        return text;
    }
}
