using System.Reflection;

namespace TigerEmulator.Contract;

/// The Tiger contract as Swagger UI shows it: the repository's openapi.yml, pointed at this emulator and told
/// about Basic authentication so that "Try it out" works. The file itself is never edited.
public sealed class ContractDocument
{
    public const string Path = "/swagger/contract/openapi.yml";

    private const string CloudServer = "https://console.cloud.tigerdata.com/public/api/v1";

    private readonly Lazy<string> served = new(Build);

    public static string Original()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("openapi.yml")
            ?? throw new InvalidOperationException("openapi.yml is not embedded in the emulator");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public string Served => served.Value;

    private static string Build()
    {
        var text = Original().Replace(CloudServer, "/public/api/v1", StringComparison.Ordinal);
        text = text.Replace("\ntags:\n", "\nsecurity:\n  - basicAuth: []\n\ntags:\n", StringComparison.Ordinal);
        return text.Replace(
            "\ncomponents:\n",
            "\ncomponents:\n  securitySchemes:\n    basicAuth:\n      type: http\n      scheme: basic\n      description: public key as user name, secret key as password\n",
            StringComparison.Ordinal);
    }
}
