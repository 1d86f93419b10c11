using System.Text.Json.Serialization;

namespace TigerEmulator.Logs;

/// The contract's <c>ServiceLogs</c> schema for one page of a node's log: the entries with ordinals in [bottom, top),
/// newest first, or a filtered page's matches. They are generated while the body is written (see ServiceLogsJson), so nothing of a page outlives its
/// response. The cursor goes out under both names: <c>lastCursor</c> in the contract this emulator implements,
/// <c>last_cursor</c> in the newer one the current CLI is generated from.
[JsonConverter(typeof(ServiceLogsJson))]
public sealed class ServiceLogsBody
{
    private readonly LogTimeline timeline;
    private readonly long top;
    private readonly long[]? matches;

    internal ServiceLogsBody(LogTimeline timeline, long top, long bottom, string? lastCursor)
    {
        this.timeline = timeline;
        this.top = top;
        Count = (int)Math.Max(0, top - bottom);
        LastCursor = lastCursor;
    }

    /// A filtered page: the ordinals of its matches, newest first.
    internal ServiceLogsBody(LogTimeline timeline, long[] matches, string? lastCursor)
    {
        this.timeline = timeline;
        this.matches = matches;
        Count = matches.Length;
        LastCursor = lastCursor;
    }

    /// Entries on the page.
    public int Count { get; }

    public string? LastCursor { get; }

    internal GeneratedPage Generate() => new(timeline, new PageOrdinals(top, matches), Count);
}
