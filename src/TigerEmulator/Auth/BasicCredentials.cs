using System.Text;

namespace TigerEmulator.Auth;

/// Parses <c>Authorization: Basic base64(public:secret)</c>, the way Tiger clients send their key pair.
public static class BasicCredentials
{
    public static (string PublicKey, string SecretKey)? Parse(string header)
    {
        const string scheme = "Basic ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var buffer = new byte[header.Length];
        if (!Convert.TryFromBase64String(header[scheme.Length..].Trim(), buffer, out var written))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, written);
        var colon = text.IndexOf(':');
        return colon <= 0 || colon == text.Length - 1 ? null : (text[..colon], text[(colon + 1)..]);
    }

    public static string Header(string publicKey, string secretKey) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{publicKey}:{secretKey}"));
}
