using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Services;

namespace TigerEmulator.Logs;

public static class LogHandlers
{
    public const int PageSize = 500;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// Newest first, at most 500 a page, with a cursor exactly when older entries remain in the window.
    public static Results<Ok<ServiceLogsBody>, ErrorResult> Get(
        string project_id, string service_id, HttpRequest request, ServiceCatalog catalog, EmulatorClock clock)
    {
        var query = request.Query;
        var node = ParseInt(query["node"], "node") ?? 0;
        var page = ParseInt(query["page"], "page") ?? 0;
        var since = ParseTime(query["since"], "since");
        var until = ParseTime(query["until"], "until");
        LogCursor? cursor = null;
        if (!string.IsNullOrEmpty(query["cursor"]))
        {
            cursor = LogCursor.Decode(query["cursor"]!) ?? throw JsonFields.Invalid("'cursor' is not a cursor this emulator issued");
        }

        if (page < 0)
        {
            throw JsonFields.Invalid($"'page' must be 0 or more, not {page}");
        }

        var service = catalog.Find(project_id, service_id);
        if (service is null)
        {
            return Errors.NotFound("Service", service_id);
        }

        var nodes = 1 + service.HaReplicaCount;
        if (node < 0 || node >= nodes)
        {
            throw JsonFields.Invalid($"'node' must be between 0 and {nodes - 1} for service '{service.Id}', not {node}");
        }

        if (cursor is { } c && c.Node != node)
        {
            throw JsonFields.Invalid($"'cursor' was issued for node {c.Node}, not node {node}");
        }

        var timeline = new LogTimeline(service.Id, service.Created, node, Interval);
        var now = clock.UtcNow;
        var newest = timeline.SlotAtOrBefore(until is { } u && u < now ? u : now);
        var oldest = since is { } s ? timeline.SlotAtOrAfter(s) : 0;
        var start = cursor is { } position ? Math.Min(newest, position.NextSlot - 1) : newest - ((long)page * PageSize);
        var entries = new List<LogEntry>(PageSize);
        for (var slot = start; slot >= oldest && entries.Count < PageSize; slot--)
        {
            entries.Add(timeline.Entry(slot));
        }

        var last = start - entries.Count + 1;
        var more = entries.Count > 0 && last > oldest;
        return TypedResults.Ok(new ServiceLogsBody(
            entries.Select(e => $"{e.Timestamp:yyyy-MM-dd HH:mm:ss.fff} UTC [{e.Severity}] {e.Message}").ToList(),
            entries,
            more ? new LogCursor(node, last).Encode() : null));
    }

    private static int? ParseInt(string? text, string name) =>
        string.IsNullOrEmpty(text) ? null
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : throw JsonFields.Invalid($"'{name}' must be an integer, not '{text}'");

    private static DateTime? ParseTime(string? text, string name) =>
        string.IsNullOrEmpty(text) ? null
        : Rfc3339.TryParse(text, out var value) ? value.UtcDateTime
        : throw JsonFields.Invalid($"'{name}' must be an RFC 3339 timestamp, not '{text}'");
}
