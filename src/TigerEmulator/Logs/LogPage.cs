using TigerEmulator.Http;
using TigerEmulator.Services;

namespace TigerEmulator.Logs;

/// One page of a node's log, newest first: what GET .../logs answers once its query is parsed.
/// Costs O(page size + history), however many entries the log holds; a filtered page, O(FilteredScan.Budget + history).
public static class LogPage
{
    public const int Size = 500;

    public static ServiceLogsBody Read(ServiceDocument service, LogQuery query, DateTime now, LogSettings settings) => Read(service, query, now, settings, null);

    /// With a real server's book for the node, the page reads the generated log up to the book's beginning and the book
    /// after it (see LogTimeline.For).
    internal static ServiceLogsBody Read(ServiceDocument service, LogQuery query, DateTime now, LogSettings settings, ServerLogSnapshot? server)
    {
        // A read replica set's standby is a node of its own past the HA ones: it has a log when it has a server.
        var nodes = 1 + service.HaReplicaCount;
        if ((query.Node < 0 || query.Node >= nodes) && server is null)
        {
            throw TigerException.Invalid($"'node' must be between 0 and {nodes - 1} for service '{service.Id}', not {query.Node}");
        }

        if (query.Cursor is { } issued && (issued.ServiceId != service.Id || issued.Node != query.Node || issued.Filter != query.Filter.Digest))
        {
            throw TigerException.Invalid(issued.ServiceId != service.Id ? $"'cursor' was issued for another service, not '{service.Id}'"
                : issued.Node != query.Node ? $"'cursor' was issued for node {issued.Node}, not node {query.Node}"
                : "'cursor' was issued for other 'search' or 'severities' filters: repeat the ones of the page that gave it");
        }

        // The window is [since, until], both ends included, and never reaches past the emulated now.
        var timeline = LogTimeline.For(service, query.Node, now, settings, server);
        var oldest = query.Since is { } since ? timeline.CountBefore(since) : timeline.First;
        var newest = query.Until is { } until && until < now ? timeline.CountBefore(until.AddTicks(1)) : timeline.Count;
        var top = query.Cursor is { } cursor ? Math.Min(cursor.Next, newest) : newest - ((long)query.Page * Size);
        if (!query.Filter.IsEmpty)
        {
            var (matches, resume) = FilteredScan.Run(timeline, query.Filter, top, oldest);
            return new ServiceLogsBody(timeline, matches, resume is { } next ? new LogCursor(service.Id, query.Node, next, query.Filter.Digest).Encode() : null);
        }

        var bottom = Math.Max(oldest, top - Size);
        var olderRemain = top > bottom && bottom > oldest;
        return new ServiceLogsBody(timeline, top, bottom, olderRemain ? new LogCursor(service.Id, query.Node, bottom).Encode() : null);
    }
}
