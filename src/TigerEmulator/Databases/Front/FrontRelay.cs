using System.Buffers.Binary;

namespace TigerEmulator.Databases.Front;

/// The two directions of a relayed session. Bytes pass untouched, except that the server's messages are read one by
/// one until it is ready for the first query (to learn the backend's process id), and a read-only session's client
/// messages are read one by one so that <see cref="ReadOnlyGuard"/> can see each Query and Parse.
internal static class FrontRelay
{
    public static async Task ServerToClientAsync(Stream server, Stream client, Action<int> backendPid, CancellationToken cancellationToken)
    {
        var header = new byte[5];
        while (await WireMessages.ReadAsync(server, header, cancellationToken) is (char type, byte[] body))
        {
            if (type == 'K' && body.Length >= 4)
            {
                backendPid(BinaryPrimitives.ReadInt32BigEndian(body));
            }

            await client.WriteAsync(WireMessages.Typed(type, body), cancellationToken);
            await client.FlushAsync(cancellationToken);
            if (type == 'Z')
            {
                await server.CopyToAsync(client, cancellationToken);
                return;
            }
        }
    }

    public static async Task GuardedAsync(Stream client, Stream server, CancellationToken cancellationToken)
    {
        var header = new byte[5];
        while (await WireMessages.ReadAsync(client, header, cancellationToken) is (char type, byte[] body))
        {
            var message = type is 'Q' or 'P' ? ReadOnlyGuard.Replacement(type, body) : null;
            await server.WriteAsync(message ?? WireMessages.Typed(type, body), cancellationToken);
        }
    }
}
