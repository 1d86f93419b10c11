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

    /// The same line as a JSON string value, from the message's JSON string value: the prefix, severity and colon need no
    /// escaping, so the line is put together from the escaped message without escaping it again.
    public static void WriteJson(LogStamp stamp, ReadOnlySpan<byte> messageJson, LineText into)
    {
        Span<byte> prefix = stackalloc byte[PrefixRoom];
        prefix = prefix[..Prefix(stamp, prefix)];
        into.Append((byte)'"');
        into.Append(prefix);
        into.Append(stamp.Severity);
        into.Append(":  "u8);
        var message = messageJson[1..^1];
        for (var newline = JsonText.IndexOfNewline(message); newline >= 0; newline = JsonText.IndexOfNewline(message))
        {
            into.Append(message[..(newline + 2)]);
            message = message[(newline + 2)..];
            if (!message.StartsWith("\\t"u8))
            {
                into.Append(prefix);
            }
        }

        into.Append(message);
        into.Append((byte)'"');
    }

    private static int Prefix(LogStamp stamp, Span<byte> into)
    {
        LineTime.WritePostgres(stamp.Timestamp, into);
        " UTC ["u8.CopyTo(into[23..]);
        stamp.Pid.TryFormat(into[29..], out var pid);
        "] "u8.CopyTo(into[(29 + pid)..]);
        return 29 + pid + 2;
    }
}
