using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace TigerEmulator.Databases.Front;

/// One client connection through the front: the start-up negotiation (TLS, GSS refused, cancel relayed), the
/// refusals the cloud gives before a password is asked, then the relay to the server's Unix socket.
internal sealed class FrontConnection(DatabaseFront front, PortListener port, Socket client) : IDisposable
{
    /// A client must finish its start-up within this (PostgreSQL's authentication_timeout is a minute too).
    private static readonly TimeSpan StartupBound = TimeSpan.FromMinutes(1);

    private Socket? backend;

    public FrontSession? Session { get; private set; }

    public async Task RunAsync(CancellationToken closing)
    {
        // The protocol is many small messages, each answered: Nagle's wait for an ACK would add tens of milliseconds.
        client.NoDelay = true;
        try
        {
            using var startup = CancellationTokenSource.CreateLinkedTokenSource(closing);
            startup.CancelAfter(StartupBound);
            var network = new NetworkStream(client, ownsSocket: false);
            if (await NegotiateAsync(network, startup.Token) is not var (stream, tls, packet))
            {
                return;
            }

            if (await AdmitAsync(stream, tls, packet, closing, startup.Token) is { } admitted)
            {
                await RelayAsync(stream, admitted.Target, admitted.Startup, admitted.ReadOnly, closing);
            }
        }
        catch (Exception failure) when (failure is IOException or InvalidDataException or SocketException or OperationCanceledException or AuthenticationException or ObjectDisposedException)
        {
            front.Logger.LogDebug("A database connection on port {Port} ended: {Reason}", port.Port, failure.Message);
        }
    }

    /// Ends the session as pg_terminate_backend does: the server sends FATAL 57P01 and closes, and the relay follows.
    public async Task TerminateAsync()
    {
        if (Session is not { Target.Server: { } server } session)
        {
            return;
        }

        try
        {
            await server.RunSqlAsync(
                "select pg_terminate_backend(:'tiger_pid'::int);\n",
                new Dictionary<string, string> { ["tiger_pid"] = session.BackendPid.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                CancellationToken.None);
        }
        catch (DatabaseException failure)
        {
            front.Logger.LogWarning("Could not end a connection to service {Id}: {Reason}", session.Target.ServiceId, failure.Message);
        }
    }

    public void Dispose()
    {
        Close(client);
        if (backend is { } server)
        {
            Close(server);
        }
    }

    // Until a start-up arrives: TLS (asked for, or direct as PostgreSQL 17's clients may), GSS encryption declined,
    // a cancel passed to the server. Null when the connection has nothing more to do.
    private async Task<(Stream Stream, bool Tls, StartupPacket Packet)?> NegotiateAsync(NetworkStream network, CancellationToken cancellationToken)
    {
        Stream stream = network;
        var tls = false;
        var first = new byte[1];
        if (await client.ReceiveAsync(first, SocketFlags.Peek, cancellationToken) == 0)
        {
            return null;
        }

        if (first[0] == 0x16)
        {
            (stream, tls) = (await TlsAsync(network, cancellationToken), true);
        }

        for (var round = 0; round < 4; round++)
        {
            switch (await StartupPacket.ReadAsync(stream, cancellationToken))
            {
                case null:
                    return null;
                case { Code: StartupPacket.SslRequest } when !tls:
                    await network.WriteAsync("S"u8.ToArray(), cancellationToken);
                    (stream, tls) = (await TlsAsync(network, cancellationToken), true);
                    break;
                case { Code: StartupPacket.SslRequest or StartupPacket.GssEncryptionRequest }:
                    await stream.WriteAsync("N"u8.ToArray(), cancellationToken);
                    break;
                case { Code: StartupPacket.CancelRequest } cancel:
                    await RelayCancelAsync(cancel, cancellationToken);
                    return null;
                case var packet:
                    return (stream, tls, packet);
            }
        }

        return null;
    }

    private async Task<Stream> TlsAsync(NetworkStream network, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(network, leaveInnerStreamOpen: false);
        await ssl.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions { ServerCertificate = front.Certificate, ApplicationProtocols = [new SslApplicationProtocol("postgresql")] },
            cancellationToken);
        return ssl;
    }

    // The refusals, in the order the cloud meets them; null once the start-up was answered with a FATAL.
    private async Task<Admission?> AdmitAsync(Stream stream, bool tls, StartupPacket packet, CancellationToken closing, CancellationToken cancellationToken)
    {
        var host = (client.RemoteEndPoint as IPEndPoint)?.Address.ToString() ?? "127.0.0.1";
        var refusal = packet switch
        {
            { MajorVersion: not 3 } => ("0A000", $"unsupported frontend protocol {packet.MajorVersion}.{packet.Code & 0xFFFF}: server supports 3.0 to 3.2"),
            _ when !tls => ("28000", $"no pg_hba.conf entry for host \"{host}\", user \"{packet.User}\", database \"{packet.Database}\", no encryption"),
            { User: ClusterTemplate.Superuser } => ("28000", $"pg_hba.conf rejects connection for host \"{host}\", user \"{packet.User}\", database \"{packet.Database}\", SSL encryption"),
            _ => default((string, string)?),
        };
        if (refusal is { } early)
        {
            await RefuseAsync(stream, early.Item1, early.Item2, cancellationToken);
            return null;
        }

        var target = port.Resolve();
        if (front.Faults.Any && !await ApplyFaultsAsync(stream, target, closing, cancellationToken))
        {
            return null;
        }

        var readOnly = ReadOnlySessions.AskedFor(packet["options"]);
        if (target is { NotRunning: null, Server: not null } && !readOnly)
        {
            try
            {
                readOnly = await ReadOnlySessions.IsReadOnlyRoleAsync(target, packet.User, packet.Database, cancellationToken);
            }
            catch (DatabaseException)
            {
                target = target with { NotRunning = FrontRefusals.NotAnswering };
            }
        }

        if (target.NotRunning is { } why)
        {
            await RefuseAsync(stream, FrontRefusals.CannotConnectNow, why, cancellationToken);
            return null;
        }

        return new Admission(target, readOnly ? packet.With("options", ReadOnlySessions.WithServerOption(packet["options"])) : packet.Bytes(), readOnly);
    }

    // False when a rule answered the connection (refused it, or left it unanswered and reset it).
    private async Task<bool> ApplyFaultsAsync(Stream stream, FrontTarget target, CancellationToken closing, CancellationToken cancellationToken)
    {
        var verdict = front.Faults.Decide(target.Connection);
        if (verdict.Delay > TimeSpan.Zero)
        {
            await Task.Delay(verdict.Delay, closing);
        }

        if (verdict.Silence is { } silence)
        {
            await Task.Delay(silence, closing);
            client.LingerState = new LingerOption(true, 0);
            client.Close();
            return false;
        }

        if (verdict.Refusal is { } refusal)
        {
            await RefuseAsync(stream, refusal.SqlState, refusal.Message, cancellationToken);
            return false;
        }

        return true;
    }

    private static async Task RefuseAsync(Stream stream, string sqlState, string message, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(WireMessages.Fatal(sqlState, message), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private async Task RelayCancelAsync(StartupPacket cancel, CancellationToken cancellationToken)
    {
        if (port.Resolve() is { NotRunning: null, Server: not null } target)
        {
            using var server = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await server.ConnectAsync(new UnixDomainSocketEndPoint(target.SocketPath), cancellationToken);
            await server.SendAsync(cancel.Bytes(), cancellationToken);
        }
    }

    private async Task RelayAsync(Stream stream, FrontTarget target, byte[] startup, bool readOnly, CancellationToken closing)
    {
        backend = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await backend.ConnectAsync(new UnixDomainSocketEndPoint(target.SocketPath), closing);
        }
        catch (SocketException)
        {
            await RefuseAsync(stream, FrontRefusals.CannotConnectNow, FrontRefusals.NotAnswering, closing);
            return;
        }

        await using var server = new NetworkStream(backend, ownsSocket: false);
        await server.WriteAsync(startup, closing);
        var toClient = FrontRelay.ServerToClientAsync(server, stream, pid => Session = new FrontSession(target, pid), closing);
        var toServer = readOnly ? FrontRelay.GuardedAsync(stream, server, closing) : stream.CopyToAsync(server, closing);
        await Task.WhenAny(toClient, toServer);
    }

    private static void Close(Socket socket)
    {
        try
        {
            if (socket.Connected)
            {
                socket.Shutdown(SocketShutdown.Both);
            }
        }
        catch (SocketException)
        {
            // Already reset by the other side.
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        socket.Dispose();
    }

    private sealed record Admission(FrontTarget Target, byte[] Startup, bool ReadOnly);
}
