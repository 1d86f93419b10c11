using System.Globalization;
using System.Text.RegularExpressions;

namespace TigerEmulator.Http;

/// The contract's date-time format: date, 'T', time and a zone. DateTimeOffset.TryParse alone also takes
/// "01/15/2026" or a time without a zone, which the real API refuses; a client must not learn to send them here.
public static partial class Rfc3339
{
    public static bool TryParse(string text, out DateTimeOffset time)
    {
        time = default;
        return Pattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Pattern();
}
