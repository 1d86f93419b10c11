using System.Text;
using System.Text.RegularExpressions;

namespace TigerEmulator.Journal;

/// Keeps secrets out of the journal: passwords (updatePassword bodies, initial_password in answers), secret keys,
/// tokens and credential headers. Bodies are redacted whole before they are cut, so no cut can expose half a secret.
public static partial class Redaction
{
    public const string Mask = "<redacted>";

    private static readonly string[] SecretHeaders = ["Authorization", "X-Emulator-Token", "Cookie", "Proxy-Authorization"];

    public static IReadOnlyDictionary<string, string> Headers(IHeaderDictionary headers) =>
        headers.OrderBy(header => header.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(
            header => header.Key,
            header => SecretHeaders.Contains(header.Key, StringComparer.OrdinalIgnoreCase) ? MaskCredentials(header.Value.ToString()) : header.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);

    /// The body as text, with secret fields masked, cut to the limit.
    public static string? Body(byte[] bytes, long total, int limit)
    {
        if (total == 0)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes);
        // Most bodies name no secret at all; the cheap look saves the pattern's scan on every request.
        if (MayHoldSecret(text))
        {
            text = SecretField().Replace(text, match => $"\"{match.Groups["key"].Value}\":\"{Mask}\"");
        }

        return text.Length <= limit && total <= bytes.Length ? text : $"{text[..Math.Min(limit, text.Length)]}…[truncated; {total} bytes in all]";
    }

    private static bool MayHoldSecret(string text) =>
        text.Contains("password", StringComparison.OrdinalIgnoreCase)
        || text.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || text.Contains("token", StringComparison.OrdinalIgnoreCase);

    // Keep the scheme ("Basic", "Bearer"): whether a client sent credentials at all is worth seeing.
    private static string MaskCredentials(string value)
    {
        var space = value.IndexOf(' ');
        return space > 0 ? $"{value[..space]} {Mask}" : Mask;
    }

    // A string value (also one cut short at the end of a captured prefix) or a bare value of a secret-named field.
    [GeneratedRegex("\"(?<key>password|initial_password|new_password|secret_key|secret|token|access_token)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*(\"|$)|[^,}\\]\\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretField();
}
