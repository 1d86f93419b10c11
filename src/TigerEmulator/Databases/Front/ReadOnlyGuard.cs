using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace TigerEmulator.Databases.Front;

/// Keeps a read-only session read-only: a simple Query or an extended Parse whose text would undo
/// default_transaction_read_only is replaced by a statement that fails with 25006 and this message, so the server
/// itself answers it (in order with everything else, and with its own transaction state). A name built at run time
/// inside a function cannot be seen here; only the cloud's server extension closes that.
public static partial class ReadOnlyGuard
{
    public const string Refusal =
        "cannot make a read-only session read-write: it was opened with tsdb_admin.read_only_connection or by a role with tsdb_admin.read_only_role";

    private static readonly string Refused =
        $"DO $tiger$BEGIN RAISE EXCEPTION USING ERRCODE = '25006', MESSAGE = '{Refusal.Replace("'", "''", StringComparison.Ordinal)}'; END$tiger$";

    /// The message the server is to receive instead of this one, or null to pass it on as it is.
    public static byte[]? Replacement(char type, byte[] body)
    {
        switch (type)
        {
            case 'Q':
                var offset = 0;
                return Undoes(WireMessages.CString(body, ref offset)) ? WireMessages.Typed('Q', CText(Refused)) : null;
            case 'P':
                return RewriteParse(body) is { } parse ? WireMessages.Typed('P', parse) : null;
            default:
                return null;
        }
    }

    /// Whether SQL text sets, resets or works around the session's read-only default (comments and quotes of
    /// identifiers aside).
    public static bool Undoes(string sql)
    {
        var text = Comments().Replace(sql, " ").Replace("\"", "", StringComparison.Ordinal).ToLowerInvariant();
        text = Spaces().Replace(text, " ");
        return SetOrReset().IsMatch(text)
            || text.Contains("reset all", StringComparison.Ordinal)
            || ReadWrite().IsMatch(text)
            || (text.Contains("set_config", StringComparison.Ordinal) && text.Contains("transaction_read_only", StringComparison.Ordinal));
    }

    // Parse: statement name, query, parameter count and types. The refused statement keeps the parameter count (a Bind
    // that follows still fits); a type left for the server to infer becomes text, which the DO block never reads.
    private static byte[]? RewriteParse(byte[] body)
    {
        var offset = 0;
        var name = WireMessages.CString(body, ref offset);
        if (!Undoes(WireMessages.CString(body, ref offset)))
        {
            return null;
        }

        var types = body.AsSpan(offset).ToArray();
        for (var at = 2; at + 4 <= types.Length; at += 4)
        {
            if (BinaryPrimitives.ReadInt32BigEndian(types.AsSpan(at)) == 0)
            {
                BinaryPrimitives.WriteInt32BigEndian(types.AsSpan(at), 25);
            }
        }

        return [.. CText(name), .. CText(Refused), .. types];
    }

    private static byte[] CText(string text) => [.. Encoding.UTF8.GetBytes(text), 0];

    [GeneratedRegex(@"/\*.*?\*/|--[^\n]*", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(set|reset)\s+((session|local)\s+)?(default_)?transaction_read_only\b")]
    private static partial Regex SetOrReset();

    // SET SESSION CHARACTERISTICS AS TRANSACTION … READ WRITE, SET TRANSACTION … READ WRITE, BEGIN/START TRANSACTION … READ WRITE.
    [GeneratedRegex(@"\b(set\s+session\s+characteristics\s+as\s+transaction|set\s+transaction|begin|start\s+transaction)\b[^;]*\bread\s+write\b")]
    private static partial Regex ReadWrite();
}
