using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace TigerEmulator.Logs;

/// Generated log text as UTF-8 in one growing buffer: a page writes all its messages into one and the JSON writer copies
/// them out, so no line becomes a string on the way. The buffer is rented from the shared pool; dispose gives it back.
internal sealed class LineText(int capacity = 256) : IDisposable
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, Length);

    public ReadOnlySpan<byte> Slice(int start, int end) => buffer.AsSpan(start, end - start);

    /// Writes an interpolated string straight into the buffer, holes in order, without building a string.
    public void Append([InterpolatedStringHandlerArgument("")] ref Appender text)
    {
        // The handler has already appended everything.
    }

    public void Append(string text)
    {
        // Generated text is ASCII but for rare words; the ASCII copy is the cheaper one.
        if (Ascii.FromUtf16(text, Free(text.Length), out var written) != OperationStatus.Done)
        {
            written = Encoding.UTF8.GetBytes(text, Free(Encoding.UTF8.GetMaxByteCount(text.Length)));
        }

        Length += written;
    }

    public void Append(ReadOnlySpan<byte> utf8)
    {
        utf8.CopyTo(Free(utf8.Length));
        Length += utf8.Length;
    }

    public void Append(byte utf8)
    {
        Free(1)[0] = utf8;
        Length++;
    }

    public void Clear() => Length = 0;

    public override string ToString() => Encoding.UTF8.GetString(Written);

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        Length = 0;
    }

    private void AppendFormatted<T>(T value, string? format)
        where T : IUtf8SpanFormattable
    {
        int written;
        for (var room = 32; !value.TryFormat(Free(room), out written, format, CultureInfo.InvariantCulture); room *= 2)
        {
        }

        Length += written;
    }

    /// Room for at least so many bytes after the text; Advance then counts what was written there.
    public Span<byte> Free(int atLeast)
    {
        if (buffer.Length - Length < atLeast)
        {
            Grow(atLeast);
        }

        return buffer.AsSpan(Length);
    }

    public void Advance(int written) => Length += written;

    private void Grow(int atLeast)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, Length + atLeast));
        Written.CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }

    [InterpolatedStringHandler]
    public ref struct Appender
    {
        private readonly LineText text;

        public Appender(int literalLength, int formattedCount, LineText text)
        {
            this.text = text;
            text.Free(literalLength + (formattedCount * 11));
        }

        public readonly void AppendLiteral(string value) => text.Append(value);

        public readonly void AppendFormatted(string value) => text.Append(value);

        public readonly void AppendFormatted<T>(T value, string? format = null)
            where T : IUtf8SpanFormattable => text.AppendFormatted(value, format);
    }
}
