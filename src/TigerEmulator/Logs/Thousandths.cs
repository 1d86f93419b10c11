namespace TigerEmulator.Logs;

/// A non-negative figure with three decimals (a duration, a rate), kept as an integer so that writing it is a few digit
/// copies rather than a formatted double.
internal readonly record struct Thousandths(long Value) : IUtf8SpanFormattable
{
    public double Seconds => Value / 1000.0;

    public static Thousandths operator +(Thousandths figure, double more) => new(figure.Value + (long)Math.Round(more * 1000));

    public bool TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        bytesWritten = 0;
        if (!(Value / 1000).TryFormat(utf8Destination, out var whole, default, provider) || utf8Destination.Length < whole + 4)
        {
            return false;
        }

        var fraction = (int)(Value % 1000);
        utf8Destination[whole] = (byte)'.';
        utf8Destination[whole + 1] = (byte)('0' + (fraction / 100));
        utf8Destination[whole + 2] = (byte)('0' + (fraction / 10 % 10));
        utf8Destination[whole + 3] = (byte)('0' + (fraction % 10));
        bytesWritten = whole + 4;
        return true;
    }
}
