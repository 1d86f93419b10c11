using System.Globalization;
using TigerEmulator.Http;

namespace TigerEmulator.Logs;

/// The query of a logs request, parsed. Every malformed parameter is a 400 that names it.
public sealed record LogQuery(int Node, int Page, DateTime? Since, DateTime? Until, LogCursor? Cursor)
{
    /// The newer contract's search and severities; none in the older one.
    public LogFilter Filter { get; init; } = LogFilter.None;

    public static LogQuery Parse(IQueryCollection query)
    {
        var page = ParseInt(query["page"], "page") ?? 0;
        if (page < 0)
        {
            throw TigerException.Invalid($"'page' must be 0 or more, not {page}");
        }

        var cursorText = query["cursor"].ToString();
        var cursor = cursorText.Length == 0 ? null
            : LogCursor.Decode(cursorText) ?? throw TigerException.Invalid("'cursor' is not a cursor this emulator issued");
        var filter = LogFilter.Parse(query["search"], query["severities"]);
        if (page > 0 && !filter.IsEmpty)
        {
            // A page number counts matches, which only a scan of everything above them could place: follow the cursor.
            throw TigerException.Invalid("'page' cannot be combined with 'search' or 'severities' (the newer contract has no 'page'): follow 'last_cursor' instead");
        }

        return new(ParseInt(query["node"], "node") ?? 0, page, ParseTime(query["since"], "since"), ParseTime(query["until"], "until"), cursor) { Filter = filter };
    }

    private static int? ParseInt(string? text, string name) =>
        string.IsNullOrEmpty(text) ? null
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : throw TigerException.Invalid($"'{name}' must be an integer, not '{text}'");

    private static DateTime? ParseTime(string? text, string name) =>
        string.IsNullOrEmpty(text) ? null
        : Rfc3339.TryParse(text, out var value) ? value.UtcDateTime
        : throw TigerException.Invalid($"'{name}' must be an RFC 3339 timestamp such as 2024-01-15T10:00:00Z, not '{text}'");
}
