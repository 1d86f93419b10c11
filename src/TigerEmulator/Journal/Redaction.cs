using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TigerEmulator.Journal;

/// Keeps secrets out of the journal: passwords (updatePassword bodies, initial_password in answers), secret keys,
/// tokens and credentials, wherever a client puts them. JSON fields are judged by their decoded name, whatever its
/// case or escapes (so "pass\u0077ord" is a password too); query parameters and headers by a name that suggests a
/// secret; and the body of an operation that carries a secret is hidden whole when it cannot be parsed. Bodies are
/// redacted before they are cut, so no cut can expose half a secret.
public static partial class Redaction
{
    public const string Mask = "<redacted>";
    public const string UnreadableSecretBody = "<redacted: a body of an operation that carries a secret, which could not be parsed>";

    /// Operations whose request or answer carries a password.
    private static readonly HashSet<string> SecretOperations = ["updatePassword", "createService", "forkService"];

    private static readonly string[] SecretWords = ["password", "passwd", "secret", "token", "credential"];

    // Headers also carry keys and sessions under names such as X-Api-Key, Authorization or Cookie.
    private static readonly string[] SecretHeaderWords = [.. SecretWords, "key", "auth", "cookie", "session"];

    private static readonly SearchValues<string> Suspicious = SearchValues.Create([.. SecretWords, "\\u"], StringComparison.OrdinalIgnoreCase);

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
            redacted[name] = Names(name, SecretHeaderWords) ? MaskCredentials(value) : value;
        }

        return redacted;
    }

    /// The query string with the value of every parameter whose (decoded) name suggests a secret masked.
    public static string? Query(QueryString query)
    {
        if (!query.HasValue || !Uri.UnescapeDataString(query.Value!).AsSpan().ContainsAny(Suspicious))
        {
            return query.HasValue ? query.Value : null;
        }

        var parts = query.Value![1..].Split('&');
        for (var i = 0; i < parts.Length; i++)
        {
            var name = parts[i].Split('=', 2)[0];
            if (Names(Uri.UnescapeDataString(name.Replace('+', ' ')), SecretWords))
            {
                parts[i] = $"{name}={Mask}";
            }
        }

        return "?" + string.Join('&', parts);
    }

    /// The body as text, with secret fields masked, cut to the limit. <paramref name="operation"/> names the route.
    public static string? Body(ReadOnlySpan<byte> bytes, long total, int limit, string? operation = null)
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
            var carriesSecret = operation is not null && SecretOperations.Contains(operation);
            if (carriesSecret || text.ContainsAny(Suspicious))
            {
                var whole = total <= bytes.Length;
                switch (whole ? RedactJson(bytes) : null)
                {
                    case { } redacted:
                        text = redacted;
                        break;
                    case null when carriesSecret:
                        return UnreadableSecretBody;
                    default:
                        // Not JSON, or cut short: mask what the text shows of secret fields.
                        text = SecretField().Replace(text.ToString(), match => $"\"{match.Groups["key"].Value}\":\"{Mask}\"");
                        break;
                }
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

    // The body with every secret-named field's value masked, at any depth; null when it is not JSON. Text with no
    // such field comes back as it was sent, escapes and spacing included.
    private static string? RedactJson(ReadOnlySpan<byte> bytes)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(bytes);
        }
        catch (JsonException)
        {
            return null;
        }

        return Mask(root) ? root!.ToJsonString(Unescaped) : Encoding.UTF8.GetString(bytes);

        static bool Mask(JsonNode? node)
        {
            var masked = false;
            switch (node)
            {
                case JsonObject map:
                    foreach (var (name, value) in map.ToList())
                    {
                        if (Names(name, SecretWords) && value is not (JsonObject or JsonArray))
                        {
                            map[name] = Redaction.Mask;
                            masked = true;
                        }
                        else
                        {
                            masked |= Mask(value);
                        }
                    }

                    break;
                case JsonArray list:
                    foreach (var item in list)
                    {
                        masked |= Mask(item);
                    }

                    break;
            }

            return masked;
        }
    }

    // As a journal reader wants to see it: "<redacted>", not "\u003Credacted\u003E".
    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static bool Names(string name, string[] words) => words.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase));

    // Keep the scheme ("Basic", "Bearer"): whether a client sent credentials at all is worth seeing.
    private static string MaskCredentials(string value)
    {
        var space = value.IndexOf(' ');
        return space > 0 ? $"{value[..space]} {Mask}" : Mask;
    }

    // A string value (also one cut short at the end of a captured prefix) or a bare value of a secret-named field.
    [GeneratedRegex("\"(?<key>[^\"]*(?:password|passwd|secret|token|credential)[^\"]*)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*(\"|$)|[^,}\\]\\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretField();
}
