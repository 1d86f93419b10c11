namespace TigerEmulator.Logs;

/// A line's time as PostgreSQL's %m writes it ("2026-01-15 09:30:00.123"), two digits at a time, since a general
/// DateTime format costs more than the rest of the line.
internal static class LineTime
{
    private static readonly byte[] Pairs = [.. Enumerable.Range(0, 100).SelectMany(n => new[] { (byte)('0' + (n / 10)), (byte)('0' + (n % 10)) })];

    /// Writes 23 bytes.
    public static void WritePostgres(DateTime time, Span<byte> into)
    {
        var fraction = DateAndTime(time, into);
        into[19] = (byte)'.';
        var millisecond = fraction / 10_000;
        into[20] = (byte)('0' + (millisecond / 100));
        Pair(millisecond % 100, into[21..]);
    }

    // "yyyy-MM-dd HH:mm:ss" in 19 bytes; returns the ticks past the second.
    private static int DateAndTime(DateTime time, Span<byte> into)
    {
        var (year, month, day) = time;
        var ticks = time.Ticks % TimeSpan.TicksPerDay;
        var second = (int)(ticks / TimeSpan.TicksPerSecond);
        Pair(year / 100, into);
        Pair(year % 100, into[2..]);
        into[4] = (byte)'-';
        Pair(month, into[5..]);
        into[7] = (byte)'-';
        Pair(day, into[8..]);
        into[10] = (byte)' ';
        Pair(second / 3600, into[11..]);
        into[13] = (byte)':';
        Pair(second / 60 % 60, into[14..]);
        into[16] = (byte)':';
        Pair(second % 60, into[17..]);
        return (int)(ticks % TimeSpan.TicksPerSecond);
    }

    private static void Pair(int value, Span<byte> into)
    {
        into[0] = Pairs[2 * value];
        into[1] = Pairs[(2 * value) + 1];
    }
}
