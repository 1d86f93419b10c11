namespace TigerEmulator.Metrics;

/// The scrapes of one bucket that fall in one run: every whole minute from First to Last, Count of them.
internal readonly record struct ScrapeRange(DatabaseRun Run, DateTime First, DateTime Last)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public long Count => ((Last - First).Ticks / Interval.Ticks) + 1;

    /// The scrapes in [from, until) while the run was on; none when no whole minute falls there.
    public static ScrapeRange? Within(DatabaseRun run, DateTime from, DateTime until)
    {
        var (start, end) = (run.Start > from ? run.Start : from, run.End < until ? run.End : until);
        var first = new DateTime(CeilingTicks(start.Ticks), DateTimeKind.Utc);
        var last = new DateTime(CeilingTicks(end.Ticks) - Interval.Ticks, DateTimeKind.Utc);
        return first <= last ? new ScrapeRange(run, first, last) : null;
    }

    private static long CeilingTicks(long ticks) => (ticks + Interval.Ticks - 1) / Interval.Ticks * Interval.Ticks;
}
