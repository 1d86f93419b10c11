using System.Text;

namespace TigerEmulator.Logs;

/// An opaque position in one node's log: the ordinal just above the next entry to examine. It names its service and
/// node because an ordinal means nothing in another node's log, and the filter of the page that gave it (a digest; none
/// unfiltered) because a filtered page stops where its scan stopped, which says nothing of another filter's matches.
public sealed record LogCursor(string ServiceId, int Node, long Next, string? Filter = null)
{
    // v1 unfiltered, as before filters came; v2 with the filter's digest.
    private const string Unfiltered = "v1";
    private const string Filtered = "v2";

    public string Encode() => Base64Url(Filter is null ? $"{Unfiltered}:{ServiceId}:{Node}:{Next}" : $"{Filtered}:{ServiceId}:{Node}:{Next}:{Filter}");

    public static LogCursor? Decode(string text)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            var filter = parts is [Filtered, _, _, _, { Length: > 0 } digest] ? digest : null;
            return (parts is [Unfiltered, _, _, _] || filter is not null) && parts[1].Length > 0
                && int.TryParse(parts[2], out var node) && long.TryParse(parts[3], out var next) && next >= 0
                ? new LogCursor(parts[1], node, next, filter)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
