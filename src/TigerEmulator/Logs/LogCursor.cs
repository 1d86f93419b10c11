using System.Text;

namespace TigerEmulator.Logs;

/// An opaque position in one node's log: the ordinal just above the next entry to return. It names its service and
/// node because an ordinal means nothing in another node's log.
public sealed record LogCursor(string ServiceId, int Node, long Next)
{
    private const string Version = "v1";

    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Version}:{ServiceId}:{Node}:{Next}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static LogCursor? Decode(string text)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            return parts.Length == 4 && parts[0] == Version && parts[1].Length > 0
                && int.TryParse(parts[2], out var node) && long.TryParse(parts[3], out var next) && next >= 0
                ? new LogCursor(parts[1], node, next)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
