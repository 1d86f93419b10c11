namespace TigerEmulator.Logs;

/// A running node's everyday lines: line k sits in the k-th interval after Start, jittered within it (an authorized
/// connection follows its "received" line by milliseconds instead), so the line at any index, and the index at any
/// time, are found in constant time.
internal sealed class SteadyTraffic(DateTime start, DateTime end, DateTime now, TimeSpan interval, ulong hash, TrafficLines lines)
    : LogPiece(start, end, now)
{
    private readonly long intervalMs = (long)interval.TotalMilliseconds;

    public override long Capacity => long.MaxValue;

    public override DateTime TimeOf(long index) => lines.CompletesConnection(index, hash)
        ? SlotTime(index - 1).AddMilliseconds(1 + (long)(SlotHash.Mix(hash, ~index) % (ulong)Math.Min(15, intervalMs)))
        : SlotTime(index);

    public override LogStamp Write(long index, LineText text) => lines.Write(index, hash, TimeOf(index), text);

    public override string SeverityOf(long index) => lines.SeverityOf(index, hash);

    public override SeveritySet Severities => lines.Severities;

    protected override long CountBeforeAnyTime(DateTime time)
    {
        // Count the slots whose interval starts before the time. Only the last of them can be jittered past it, and only
        // the next one (an authorized connection, pulled towards its predecessor) can come before it.
        var intervalTicks = intervalMs * TimeSpan.TicksPerMillisecond;
        var slots = ((time - Start).Ticks + intervalTicks - 1) / intervalTicks;
        return slots > 0 && TimeOf(slots - 1) >= time ? slots - 1
            : TimeOf(slots) < time ? slots + 1
            : slots;
    }

    // Within the slot's interval, never past it.
    private DateTime SlotTime(long index) =>
        Start.AddTicks(((index * intervalMs) + (long)(SlotHash.Mix(hash, ~index) % (ulong)intervalMs)) * TimeSpan.TicksPerMillisecond);
}
