using System.Text.RegularExpressions;

namespace TigerEmulator.Logs;

/// Hides passwords in what a server's log says before the API shows it: in a text that sets or passes one
/// (CREATE/ALTER ROLE … PASSWORD '…', timescale_functions.create_bare_readonly_role(…, '…')) every string literal is
/// hidden, and in the error of such a statement the fragment PostgreSQL quotes ("at or near …") too.
internal static partial class PasswordRedaction
{
    public const string Hidden = "'********'";

    /// Whether a statement (or a context that quotes one) may carry a password.
    public static bool IsSensitive(string? text) => text is not null && Sensitive().IsMatch(text);

    /// The text with its string literals hidden when it may carry a password; quoted identifiers are kept whole, so a
    /// quote inside one starts no literal.
    public static string Redact(string text) =>
        IsSensitive(text) ? Tokens().Replace(text, token => token.Value[0] == '"' ? token.Value : Hidden) : text;

    /// The error message of a sensitive statement: its literals and the fragment it quotes hidden.
    public static string RedactError(string message) => Near().Replace(Tokens().Replace(message, token => token.Value[0] == '"' ? token.Value : Hidden), "at or near \"********\"");

    [GeneratedRegex("password|create_bare_readonly_role", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Sensitive();

    // A quoted identifier, an escape string E'…', a string '…' (either maybe cut short by an error) or a dollar-quoted one.
    [GeneratedRegex("""
        "(?:[^"]|"")*"?|[eE]'(?:[^'\\]|\\.|'')*'?|'(?:[^']|'')*'?|\$([A-Za-z_][A-Za-z_0-9]*)?\$[\s\S]*?(?:\$\1\$|$)
        """, RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    [GeneratedRegex("at or near \"(?:[^\"]|\"\")*\"", RegexOptions.CultureInvariant)]
    private static partial Regex Near();
}
