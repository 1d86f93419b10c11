namespace TigerEmulator.Contract;

/// The Tiger contract's revisions as Swagger UI shows them: each file pointed at this emulator and told about Basic
/// authentication (when it does not already say so) so that "Try it out" works. The files themselves are never edited.
public sealed class ContractDocument
{
    private const string CloudServer = "https://console.cloud.tigerdata.com/public/api/v1";

    private readonly Dictionary<ContractRevision, Lazy<string>> served =
        ContractRevision.All.ToDictionary(revision => revision, revision => new Lazy<string>(() => Build(revision.Original())));

    public string Served(ContractRevision revision) => served[revision].Value;

    private static string Build(string original)
    {
        var text = original.Replace(CloudServer, "/public/api/v1", StringComparison.Ordinal);

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
