using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace TigerEmulator.Journal;

/// Keeps secrets out of the journal: passwords (updatePassword bodies, initial_password in answers), secret keys,
/// tokens and credential headers. Bodies are redacted whole before they are cut, so no cut can expose half a secret.
public static partial class Redaction
{
    public const string Mask = "<redacted>";

    private static readonly string[] SecretHeaders = ["Authorization", "X-Emulator-Token", "Cookie", "Proxy-Authorization"];

    /// The request's headers by name, in name order, with credentials masked.
    public static IReadOnlyDictionary<string, string> Headers(IHeaderDictionary headers)
    {
        var names = new string[headers.Count];
        headers.Keys.CopyTo(names, 0);
        Array.Sort(names, StringComparer.OrdinalIgnoreCase);
        var redacted = new Dictionary<string, string>(names.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            var value = headers[name].ToString();
            redacted[name] = SecretHeaders.Contains(name, StringComparer.OrdinalIgnoreCase) ? MaskCredentials(value) : value;
        }

        return redacted;
    }

    private static readonly SearchValues<string> SecretWords = SearchValues.Create(["password", "secret", "token"], StringComparison.OrdinalIgnoreCase);

    /// The body as text, with secret fields masked, cut to the limit.
    public static string? Body(ReadOnlySpan<byte> bytes, long total, int limit)
    {
        if (total == 0)
        {
            return null;
        }

        // Decoded into pooled memory: most bodies name no secret at all, and then only what is shown becomes a string.
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
        try
        {
            ReadOnlySpan<char> text = chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, chars));
            if (text.ContainsAny(SecretWords))
            {
                text = SecretField().Replace(text.ToString(), match => $"\"{match.Groups["key"].Value}\":\"{Mask}\"");
            }

            return text.Length <= limit && total <= bytes.Length
                ? text.ToString()
                : string.Concat(text[..Math.Min(limit, text.Length)], $"…[truncated; {total} bytes in all]");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // Keep the scheme ("Basic", "Bearer"): whether a client sent credentials at all is worth seeing.
    private static string MaskCredentials(string value)
    {
        var space = value.IndexOf(' ');
        return space > 0 ? $"{value[..space]} {Mask}" : Mask;
    }

    // A string value (also one cut short at the end of a captured prefix) or a bare value of a secret-named field.
    [GeneratedRegex("\"(?<key>password|initial_password|new_password|secret_key|secret|token|access_token|refresh_token)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*(\"|$)|[^,}\\]\\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretField();
}
