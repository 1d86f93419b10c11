namespace TigerEmulator.Logs;

/// Write-ahead-log positions that grow with the service's age, so LSNs in later lines are larger, as in a real log.
internal static class Wal
{
    private const long BytesPerMillisecond = 40;

    public static ulong At(DateTime created, DateTime time) =>
        0x1000028UL + (ulong)Math.Max(0, (long)(time - created).TotalMilliseconds * BytesPerMillisecond);

    /// PostgreSQL's %X/%X form, e.g. 3/5A0001B8.
    public static string Format(ulong lsn) => new WalPosition(lsn).ToString();
}

/// An LSN written as PostgreSQL writes it (%X/%X), straight into a line's UTF-8 text.
internal readonly record struct WalPosition(ulong Lsn) : IUtf8SpanFormattable
{
    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        bytesWritten = 0;
        if (!(Lsn >> 32).TryFormat(utf8Destination, out var high, "X", provider) || utf8Destination.Length < high + 9)
        {
            return false;
        }

        // The room checked above holds the slash and eight hex digits.
        utf8Destination[high] = (byte)'/';
        ((uint)Lsn).TryFormat(utf8Destination[(high + 1)..], out var low, "X8", provider);
        bytesWritten = high + 1 + low;
        return true;
    }

    public override string ToString() => $"{Lsn >> 32:X}/{Lsn & 0xFFFFFFFF:X8}";
}
