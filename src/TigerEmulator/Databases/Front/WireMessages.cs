using System.Buffers.Binary;
using System.Text;

namespace TigerEmulator.Databases.Front;

/// The few protocol messages the front writes or reads itself; everything else passes through untouched.
public static class WireMessages
{
    /// A FATAL ErrorResponse, as the server would send it before closing the connection.
    public static byte[] Fatal(string sqlState, string message)
    {
        var body = new MemoryStream();
        foreach (var (field, value) in new[] { ('S', "FATAL"), ('V', "FATAL"), ('C', sqlState), ('M', message) })
        {
            body.WriteByte((byte)field);
            body.Write(Encoding.UTF8.GetBytes(value));
            body.WriteByte(0);
        }

        body.WriteByte(0);
        return Typed('E', body.ToArray());
    }

    /// A message with its type byte and length.
    public static byte[] Typed(char type, ReadOnlySpan<byte> body)
    {
        var bytes = new byte[body.Length + 5];
        bytes[0] = (byte)type;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(1), body.Length + 4);
        body.CopyTo(bytes.AsSpan(5));
        return bytes;
    }

    /// Reads one typed message (type byte, length, body); null at the end of the stream.
    public static async Task<(char Type, byte[] Body)?> ReadAsync(Stream stream, byte[] header, CancellationToken cancellationToken)
    {
        if (await stream.ReadAtLeastAsync(header.AsMemory(0, 5), 5, throwOnEndOfStream: false, cancellationToken) < 5)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1));
        if (length < 4)
        {
            throw new InvalidDataException("invalid message length");
        }

        var body = new byte[length - 4];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return ((char)header[0], body);
    }

    /// The text of a NUL-terminated string starting at offset; the offset moves past its NUL.
    public static string CString(byte[] body, ref int offset)
    {
        var end = Array.IndexOf(body, (byte)0, offset);
        if (end < 0)
        {
            throw new InvalidDataException("unterminated string in a message");
        }

        var text = Encoding.UTF8.GetString(body, offset, end - offset);
        offset = end + 1;
        return text;
    }
}
