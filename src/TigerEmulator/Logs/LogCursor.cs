using System.Text;

namespace TigerEmulator.Logs;

/// An opaque position in a service's log: the slot just below the last entry returned, for one node.
public readonly record struct LogCursor(int Node, long NextSlot)
{
    private const string Version = "v1";

    public string Encode() =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes($"{Version}:{Node}:{NextSlot}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static LogCursor? Decode(string text)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split(':');
            return parts.Length == 3 && parts[0] == Version && int.TryParse(parts[1], out var node) && long.TryParse(parts[2], out var slot) && slot >= 0
                ? new LogCursor(node, slot)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
