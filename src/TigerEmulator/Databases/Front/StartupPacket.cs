using System.Buffers.Binary;
using System.Text;

namespace TigerEmulator.Databases.Front;

/// The first message of a connection, before any type byte: a length, a code (a protocol version, or one of the
/// requests for TLS, GSS encryption or a cancel), and for a start-up its name/value pairs (user, database, options…).
public sealed record StartupPacket(int Code, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Parameters)
{
    public const int SslRequest = 80877103;
    public const int GssEncryptionRequest = 80877104;
    public const int CancelRequest = 80877102;

    // PostgreSQL's own limit on a start-up packet.
    private const int MaxLength = 10000;

    public int MajorVersion => Code >> 16;

    public string? this[string name] => Parameters.LastOrDefault(pair => pair.Key == name).Value;

    public string User => this["user"] ?? "";

    public string Database => this["database"] is { Length: > 0 } database ? database : User;

    /// Reads one packet; null when the client closed the connection first.
    public static async Task<StartupPacket?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[8];
        var first = await stream.ReadAtLeastAsync(header, 8, throwOnEndOfStream: false, cancellationToken);
        if (first < 8)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        if (length is < 8 or > MaxLength)
        {
            throw new InvalidDataException("invalid length of startup packet");
        }

        var body = new byte[length - 8];
        await stream.ReadExactlyAsync(body, cancellationToken);
        var code = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        return new StartupPacket(code, body, code >> 16 == 3 ? ReadPairs(body) : []);
    }

    /// The packet as the server is to receive it, with one parameter replaced (or added).
    public byte[] With(string name, string value)
    {
        var pairs = Parameters.Where(pair => pair.Key != name).Append(new(name, value));
        var text = new MemoryStream();
        foreach (var (key, item) in pairs)
        {
            WriteString(text, key);
            WriteString(text, item);
        }

        text.WriteByte(0);
        return Frame(text.ToArray());
    }

    /// The packet as it came.
    public byte[] Bytes() => Frame(Body);

    private byte[] Frame(byte[] body)
    {
        var bytes = new byte[body.Length + 8];
        BinaryPrimitives.WriteInt32BigEndian(bytes, bytes.Length);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), Code);
        body.CopyTo(bytes, 8);
        return bytes;
    }

    private static void WriteString(MemoryStream stream, string text)
    {
        stream.Write(Encoding.UTF8.GetBytes(text));
        stream.WriteByte(0);
    }

    private static List<KeyValuePair<string, string>> ReadPairs(byte[] body)
    {
        var strings = new List<string>();
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == 0)
            {
                strings.Add(Encoding.UTF8.GetString(body, start, i - start));
                start = i + 1;
            }
        }

        var pairs = new List<KeyValuePair<string, string>>();
        for (var i = 0; i + 1 < strings.Count; i += 2)
        {
            if (strings[i].Length == 0)
            {
                break;
            }

            pairs.Add(new(strings[i], strings[i + 1]));
        }

        return pairs;
    }
}
