namespace TigerEmulator.Logs;

/// A service's log as a function of time: entry k of a node sits at a fixed slot after the service was created,
/// so any page is computed from its position instead of being stored.
public sealed class LogTimeline(string serviceId, DateTime created, int node, TimeSpan interval)
{
    public DateTime TimeOf(long slot) => created + (interval * slot);

    /// The first slot at or after the given time.
    public long SlotAtOrAfter(DateTime time) =>
        time <= created ? 0 : (long)Math.Ceiling((time - created).Ticks / (double)interval.Ticks);

    /// The last slot at or before the given time, or -1 when the time is before the first entry.
    public long SlotAtOrBefore(DateTime time) =>
        time < created ? -1 : (time - created).Ticks / interval.Ticks;

    public LogEntry Entry(long slot) => LogLines.For(serviceId, node, slot, TimeOf(slot));
}
