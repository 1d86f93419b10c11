using System.Buffers;
using System.Text;

namespace TigerEmulator.Logs;

/// JSON string values from generated UTF-8 text, escaped as System.Text.Json's default encoder escapes them — the same
/// bytes the serializer would write for the same string — but a run of plain characters at a time. The writer's own
/// escaping goes character by character once it meets the first quote, and log lines are full of quotes.
internal static class JsonText
{
    // What the default encoder escapes: control characters, DEL, the quote, the backslash, the HTML-sensitive
    // & ' + < > `, and everything beyond ASCII (bytes from 0x80 on).
    private static readonly SearchValues<byte> Escaped = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (byte)c), .. "\"&'+<>\\`"u8, .. Enumerable.Range(0x7F, 0x81).Select(c => (byte)c)]);

    private static readonly byte[] Hex = "0123456789ABCDEF"u8.ToArray();

    /// Appends the text as a JSON string value, quotes included.
    public static void AppendValue(ReadOnlySpan<byte> utf8, LineText into)
    {
        // An escape takes at most six bytes per byte of text, so the room is known before the first one.
        var escaped = into.Free(2 + (6 * utf8.Length));
        var length = 0;
        escaped[length++] = (byte)'"';
        for (var next = utf8.IndexOfAny(Escaped); next >= 0; next = utf8.IndexOfAny(Escaped))
        {
            utf8[..next].CopyTo(escaped[length..]);
            length += next;
            utf8 = utf8[next..];
            length += Escape(ref utf8, escaped[length..]);
        }

        utf8.CopyTo(escaped[length..]);
        length += utf8.Length;
        escaped[length++] = (byte)'"';
        into.Advance(length);
    }

    /// Where the next escaped newline starts in an escaped value, skipping every other escape whole (an escaped
    /// backslash followed by an n is not a newline); -1 when there is none.
    public static int IndexOfNewline(ReadOnlySpan<byte> escaped)
    {
        for (var at = escaped.IndexOf((byte)'\\'); at >= 0 && at + 1 < escaped.Length;)
        {
            if (escaped[at + 1] == (byte)'n')
            {
                return at;
            }

            var skip = at + (escaped[at + 1] == (byte)'u' ? 6 : 2);
            var next = escaped[skip..].IndexOf((byte)'\\');
            at = next < 0 ? -1 : skip + next;
        }

        return -1;
    }

    // Escapes the character at the start of the text and moves past it.
    private static int Escape(ref ReadOnlySpan<byte> utf8, Span<byte> into)
    {
        var shortForm = utf8[0] switch
        {
            (byte)'\b' => (byte)'b',
            (byte)'\t' => (byte)'t',
            (byte)'\n' => (byte)'n',
            (byte)'\f' => (byte)'f',
            (byte)'\r' => (byte)'r',
            (byte)'\\' => (byte)'\\',
            _ => (byte)0,
        };
        if (shortForm != 0)
        {
            into[0] = (byte)'\\';
            into[1] = shortForm;
            utf8 = utf8[1..];
            return 2;
        }

        // Beyond ASCII, a character outside the Basic Multilingual Plane is written as its UTF-16 surrogate pair.
        Rune.DecodeFromUtf8(utf8, out var rune, out var consumed);
        utf8 = utf8[consumed..];
        Span<char> units = stackalloc char[2];
        var count = rune.EncodeToUtf16(units);
        for (var i = 0; i < count; i++)
        {
            "\\u"u8.CopyTo(into[(6 * i)..]);
            into[(6 * i) + 2] = Hex[units[i] >> 12];
            into[(6 * i) + 3] = Hex[(units[i] >> 8) & 0xF];
            into[(6 * i) + 4] = Hex[(units[i] >> 4) & 0xF];
            into[(6 * i) + 5] = Hex[units[i] & 0xF];
        }

        return 6 * count;
    }
}
