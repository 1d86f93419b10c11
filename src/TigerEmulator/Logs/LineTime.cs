namespace TigerEmulator.Logs;

/// The two ways a line's time is written, two digits at a time, since a general DateTime format costs more than the rest
/// of the line: PostgreSQL's %m ("2026-01-15 09:30:00.123") and the JSON string System.Text.Json writes for a UTC
/// DateTime ("2026-01-15T09:30:00.123Z", the seven-digit fraction with its trailing zeros trimmed).
internal static class LineTime
{
    private static readonly byte[] Pairs = [.. Enumerable.Range(0, 100).SelectMany(n => new[] { (byte)('0' + (n / 10)), (byte)('0' + (n % 10)) })];

    /// Writes 23 bytes.
    public static void WritePostgres(DateTime time, Span<byte> into)
    {
        var fraction = DateAndTime(time, into, (byte)' ');
        into[19] = (byte)'.';
        var millisecond = fraction / 10_000;
        into[20] = (byte)('0' + (millisecond / 100));
        Pair(millisecond % 100, into[21..]);
    }

    /// Writes the quoted value and returns its length; false for a time that is not UTC, which the writer formats itself.
    public static bool TryWriteJson(DateTime time, Span<byte> into, out int length)
    {
        length = 0;
        if (time.Kind != DateTimeKind.Utc)
        {
            return false;
        }

        into[0] = (byte)'"';
        var fraction = DateAndTime(time, into[1..], (byte)'T');
        length = 20;
        if (fraction > 0)
        {
            into[length++] = (byte)'.';
            for (var unit = 1_000_000; fraction > 0; unit /= 10)
            {
                into[length++] = (byte)('0' + (fraction / unit));
                fraction %= unit;
            }
        }

        into[length++] = (byte)'Z';
        into[length++] = (byte)'"';
        return true;
    }

    // "yyyy-MM-dd?HH:mm:ss" in 19 bytes; returns the ticks past the second.
    private static int DateAndTime(DateTime time, Span<byte> into, byte separator)
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
        into[10] = separator;
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
