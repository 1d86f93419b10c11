namespace TigerEmulator.Logs;

/// A stretch of one node's log: steady traffic between two lifecycle events, or the lines one event writes.
/// Entries sit at [Start, End) and are visible up to the emulated now; each is computed from its index, never stored.
internal abstract class LogPiece(DateTime start, DateTime end, DateTime now)
{
    // Entries at exactly "now" are visible, so the bound is one tick past it.
    private readonly DateTime visibleUntil = end < now.AddTicks(1) ? end : now.AddTicks(1);
    private long? count;

    public DateTime Start { get; } = start;

    /// Exclusive: the next piece starts here (or the piece is open-ended).
    public DateTime End { get; } = end;

    /// Lines visible at the emulated now.
    public long Count => count ??= CountBefore(visibleUntil);

    /// How many lines the piece could ever hold: a script's length, or unbounded for steady traffic.
    public abstract long Capacity { get; }

    /// Visible lines strictly older than the given time.
    public long CountBefore(DateTime time)
    {
        var bound = time < visibleUntil ? time : visibleUntil;
        return bound <= Start ? 0 : CountBeforeAnyTime(bound);
    }

    /// Non-decreasing in the index, and at or after Start.
    public abstract DateTime TimeOf(long index);

    /// Appends the line's message to the text and returns what stands before it.
    public abstract LogStamp Write(long index, LineText text);

    /// The severity the line is written with, without writing it: a filter looks at it first.
    public abstract string SeverityOf(long index);

    /// Every severity a line of the piece can have, so that a filter can pass over a piece that holds none of its own.
    public abstract SeveritySet Severities { get; }

    public LogLine Line(long index)
    {
        using var text = new LineText();
        var stamp = Write(index, text);
        return new LogLine(stamp.Timestamp, stamp.Severity, text.ToString(), stamp.Pid);
    }

    /// Lines (visible or not) strictly older than the given time, which is after Start.
    protected abstract long CountBeforeAnyTime(DateTime time);
}
