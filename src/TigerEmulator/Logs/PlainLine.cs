namespace TigerEmulator.Logs;

/// A line as PostgreSQL writes it to its log file with log_line_prefix '%m [%p] ': the prefix, the severity, the message,
/// and the prefix again before each extra line (DETAIL, HINT, STATEMENT…) but not before a tab-indented one.
internal static class PlainLine
{
    // "2026-01-15 09:30:00.123 UTC [4242] ": 23 + 6 + up to 11 + 2 bytes.
    private const int PrefixRoom = 48;

    public static void Write(LogStamp stamp, ReadOnlySpan<byte> message, LineText into)
    {
        Span<byte> prefix = stackalloc byte[PrefixRoom];
        prefix = prefix[..Prefix(stamp, prefix)];
        into.Append(prefix);
        into.Append(stamp.Severity);
        into.Append(":  "u8);
        for (var newline = message.IndexOf((byte)'\n'); newline >= 0; newline = message.IndexOf((byte)'\n'))
        {
            into.Append(message[..(newline + 1)]);
            message = message[(newline + 1)..];
            if (message.IsEmpty || message[0] != (byte)'\t')
            {
                into.Append(prefix);
            }
        }

        into.Append(message);
    }

    private static int Prefix(LogStamp stamp, Span<byte> into)
    {
        // Digit by digit: a general DateTime format costs more than the rest of the line.
        var (year, month, day) = stamp.Timestamp;
        var millisecond = stamp.Timestamp.Ticks / TimeSpan.TicksPerMillisecond % 86_400_000;
        Digits(into[..4], year);
        into[4] = (byte)'-';
        Digits(into[5..7], month);
        into[7] = (byte)'-';
        Digits(into[8..10], day);
        into[10] = (byte)' ';
        Digits(into[11..13], millisecond / 3_600_000);
        into[13] = (byte)':';
        Digits(into[14..16], millisecond / 60_000 % 60);
        into[16] = (byte)':';
        Digits(into[17..19], millisecond / 1000 % 60);
        into[19] = (byte)'.';
        Digits(into[20..23], millisecond % 1000);
        " UTC ["u8.CopyTo(into[23..]);
        stamp.Pid.TryFormat(into[29..], out var pid);
        "] "u8.CopyTo(into[(29 + pid)..]);
        return 29 + pid + 2;
    }

    // Fills the span with the value's last digits, zero-padded.
    private static void Digits(Span<byte> into, long value)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 10)
        {
            into[i] = (byte)('0' + (value % 10));
        }
    }
}
