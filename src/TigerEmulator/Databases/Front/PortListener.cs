using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace TigerEmulator.Databases.Front;

/// One public port of the front: accepts connections for as long as it is open, each handled on its own.
internal sealed class PortListener : IDisposable
{
    private readonly DatabaseFront front;
    private readonly TcpListener listener;
    private readonly CancellationTokenSource closing = new();
    private readonly ConcurrentDictionary<FrontConnection, byte> connections = new();

    public PortListener(DatabaseFront front, IPEndPoint endpoint, Func<FrontTarget> resolve)
    {
        this.front = front;
        Resolve = resolve;
        Port = endpoint.Port;
        listener = new TcpListener(endpoint);
        listener.Start();
        _ = AcceptAsync();
    }

    public Func<FrontTarget> Resolve { get; set; }

    public int Port { get; }

    public ICollection<FrontConnection> Connections => connections.Keys;

    public void Dispose()
    {
        closing.Cancel();
        listener.Stop();
        foreach (var connection in connections.Keys)
        {
            connection.Dispose();
        }
    }

    private async Task AcceptAsync()
    {
        while (!closing.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(closing.Token);
            }
            catch (Exception stopped) when (stopped is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var connection = new FrontConnection(front, this, socket);
            connections[connection] = 0;
            _ = Task.Run(async () =>
            {
                try
                {
                    await connection.RunAsync(closing.Token);
                }
                catch (Exception unexpected)
                {
                    // The connection's own failures end it quietly; anything else is a fault of the front worth a line.
                    front.Logger.LogWarning(unexpected, "A database connection on port {Port} failed", Port);
                }
                finally
                {
                    connections.TryRemove(connection, out _);
                    connection.Dispose();
                }
            });
        }
    }
}
