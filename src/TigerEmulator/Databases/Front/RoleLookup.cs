using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace TigerEmulator.Databases.Front;

/// Asks a server, as the emulator's superuser over its Unix socket, whether a role is read-only. It speaks the
/// protocol itself (a start-up, then one statement with two bound parameters) rather than starting psql: a
/// connection through the front then costs about as much as one straight to the server.
internal static class RoleLookup
{
    private const int Protocol30 = 3 << 16;

    private const string Query = """
        select exists (
          select 1 from pg_catalog.pg_db_role_setting s
            join pg_catalog.pg_roles r on r.oid = s.setrole, unnest(s.setconfig) c
          where r.rolname = $1
            and s.setdatabase in (0, (select oid from pg_catalog.pg_database where datname = $2))
            and lower(split_part(c, '=', 1)) = 'tsdb_admin.read_only_role'
            and lower(split_part(c, '=', 2)) in ('true', 'on', 'yes', '1', 't', 'y'))
        """;

    public static async Task<bool> IsReadOnlyAsync(string socketPath, string role, string database, CancellationToken cancellationToken)
    {
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
            await using var server = new NetworkStream(socket, ownsSocket: false);
            var startup = new StartupPacket(Protocol30, [], [new("user", ClusterTemplate.Superuser)]).With("database", "postgres");
            await server.WriteAsync(startup, cancellationToken);
            await ReadUntilReadyAsync(server, cancellationToken);

            await server.WriteAsync((byte[])[.. Parse(), .. Bind(role, database), .. Execute(), .. WireMessages.Typed('S', [])], cancellationToken);
            var answer = await ReadUntilReadyAsync(server, cancellationToken);
            await server.WriteAsync(WireMessages.Typed('X', []), cancellationToken);
            return answer == "t";
        }
        catch (Exception failure) when (failure is SocketException or IOException or InvalidDataException)
        {
            throw new DatabaseException($"the read-only role lookup failed: {failure.Message}");
        }
    }

    // Reads to ReadyForQuery; answers the first column of the last row, if any. An error is the server's refusal.
    private static async Task<string?> ReadUntilReadyAsync(Stream server, CancellationToken cancellationToken)
    {
        var header = new byte[5];
        string? value = null;
        while (await WireMessages.ReadAsync(server, header, cancellationToken) is (char type, byte[] body))
        {
            switch (type)
            {
                case 'Z':
                    return value;
                case 'E':
                    throw new DatabaseException("the server refused the read-only role lookup");
                case 'D' when BinaryPrimitives.ReadInt16BigEndian(body) > 0 && BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(2)) is var length and >= 0:
                    value = Encoding.UTF8.GetString(body, 6, length);
                    break;
            }
        }

        throw new DatabaseException("the server closed the read-only role lookup");
    }

    private static byte[] Parse() => WireMessages.Typed('P', [0, .. Text(Query), 0, 0]);

    private static byte[] Bind(params string[] values)
    {
        var body = new List<byte> { 0, 0, 0, 0 };
        body.AddRange(Int16((short)values.Length));
        foreach (var value in values)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            body.AddRange(Int32(bytes.Length));
            body.AddRange(bytes);
        }

        body.AddRange(Int16(0));
        return WireMessages.Typed('B', body.ToArray());
    }

    private static byte[] Execute() => WireMessages.Typed('E', [0, 0, 0, 0, 0]);

    private static byte[] Text(string text) => [.. Encoding.UTF8.GetBytes(text), 0];

    private static byte[] Int16(short value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteInt16BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Int32(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }
}
