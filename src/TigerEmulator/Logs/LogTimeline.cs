using TigerEmulator.Services;

namespace TigerEmulator.Logs;

/// One node's log up to the emulated now, as numbered entries: ordinal 0 is the oldest, unless the oldest entries are
/// gone (a real server's book past its cap), when the first left keeps its ordinal. Nothing generated is stored; each
/// entry is computed from the piece that holds it, and finding a time or an ordinal costs O(log pieces).
internal sealed class LogTimeline
{
    private readonly LogPiece[] pieces;
    private readonly long[] firstOrdinals;

    public LogTimeline(IEnumerable<LogPiece> pieces, long first = 0)
    {
        this.pieces = pieces.Where(p => p.Count > 0).ToArray();
        firstOrdinals = new long[this.pieces.Length];
        (First, Count) = (first, first);
        for (var i = 0; i < this.pieces.Length; i++)
        {
            firstOrdinals[i] = Count;
            Count += this.pieces[i].Count;
        }
    }

    /// One past the newest entry's ordinal: the number of entries, with those gone.
    public long Count { get; }

    /// The oldest entry's ordinal.
    public long First { get; }

    /// The generated log, or, with a real server's book, the generated log up to the book's beginning and the book after.
    public static LogTimeline For(ServiceDocument service, int node, DateTime now, LogSettings settings, ServerLogSnapshot? server = null) =>
        server is null ? new(new LogTimelineBuilder(service, node, now, settings).Build()) : WithServer(service, node, now, settings, server);

    // Once a book has let its oldest entries go, the generated lines before them are gone too; ordinals stay as they were.
    private static LogTimeline WithServer(ServiceDocument service, int node, DateTime now, LogSettings settings, ServerLogSnapshot server)
    {
        var generated = new LogTimeline(new LogTimelineBuilder(service, node, now, settings, server.Since).Build());
        return server.Dropped == 0
            ? new([.. generated.pieces, new ServerPiece(server, now)])
            : new([new ServerPiece(server, now)], generated.Count + server.Dropped);
    }

    /// How many entries are strictly older than the time: the ordinal of the first entry at or after it.
    public long CountBefore(DateTime time)
    {
        // Pieces do not overlap, so every piece that starts before the time is whole except the last such one.
        var (low, high) = (0, pieces.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = pieces[middle].Start < time ? (middle + 1, high) : (low, middle);
        }

        return low == 0 ? First : firstOrdinals[low - 1] + pieces[low - 1].CountBefore(time);
    }

    /// Entries with ordinals in [bottom, top), newest first.
    public IEnumerable<LogLine> Descending(long top, long bottom)
    {
        for (var ordinal = top - 1; ordinal >= bottom; ordinal--)
        {
            var (piece, index) = Locate(ordinal);
            yield return piece.Line(index);
        }
    }

    /// Appends the message of the entry at an ordinal to the text and returns what stands before it.
    public LogStamp Write(long ordinal, LineText text)
    {
        var (piece, index) = Locate(ordinal);
        return piece.Write(index, text);
    }

    /// The piece that holds the entry at an ordinal, and the entry's index in it.
    public (LogPiece Piece, long Index) Locate(long ordinal)
    {
        var found = Array.BinarySearch(firstOrdinals, ordinal);
        var piece = found >= 0 ? found : ~found - 1;
        return (pieces[piece], ordinal - firstOrdinals[piece]);
    }
}
