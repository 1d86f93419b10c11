using System.Buffers;
using System.Text.Json;

namespace TigerEmulator.Logs;

/// JSON string values from generated UTF-8 text, escaped as System.Text.Json's default encoder escapes ASCII — the same
/// bytes the serializer would write for the same string — but a run of plain characters at a time. The writer's own
/// escaping goes character by character once it meets the first quote, and log lines are full of quotes.
internal static class JsonText
{
    // What the default encoder escapes below 0x80: control characters, DEL, the quote, the backslash and the
    // HTML-sensitive & ' + < > `. Bytes from 0x80 on start a non-ASCII character, which the writer handles itself.
    private static readonly SearchValues<byte> Escaped = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (byte)c), .. "\"&'+<>\\`"u8, .. Enumerable.Range(0x7F, 0x81).Select(c => (byte)c)]);

    private static readonly byte[] Hex = "0123456789ABCDEF"u8.ToArray();

    /// Writes the text as a string value; scratch holds the escaped form on its way.
    public static void WriteValue(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8, LineText scratch)
    {
        // An escape takes at most six bytes, so the room is known before the first one.
        scratch.Clear();
        var escaped = scratch.Free(2 + (6 * utf8.Length));
        var length = 0;
        escaped[length++] = (byte)'"';
        var rest = utf8;
        for (var next = rest.IndexOfAny(Escaped); next >= 0; next = rest.IndexOfAny(Escaped))
        {
            if (rest[next] >= 0x80)
            {
                writer.WriteStringValue(utf8);
                return;
            }

            rest[..next].CopyTo(escaped[length..]);
            length += next;
            length += Escape(rest[next], escaped[length..]);
            rest = rest[(next + 1)..];
        }

        rest.CopyTo(escaped[length..]);
        length += rest.Length;
        escaped[length++] = (byte)'"';
        writer.WriteRawValue(escaped[..length], skipInputValidation: true);
    }

    private static int Escape(byte c, Span<byte> into)
    {
        var shortForm = c switch
        {
            (byte)'\b' => (byte)'b',
            (byte)'\t' => (byte)'t',
            (byte)'\n' => (byte)'n',
            (byte)'\f' => (byte)'f',
            (byte)'\r' => (byte)'r',
            (byte)'\\' => (byte)'\\',
            _ => (byte)0,
        };
        into[0] = (byte)'\\';
        if (shortForm != 0)
        {
            into[1] = shortForm;
            return 2;
        }

        "u00"u8.CopyTo(into[1..]);
        into[4] = Hex[c >> 4];
        into[5] = Hex[c & 0xF];
        return 6;
    }
}
