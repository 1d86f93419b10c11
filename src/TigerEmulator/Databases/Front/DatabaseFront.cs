using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using TigerEmulator.Endpoints;

namespace TigerEmulator.Databases.Front;

/// The emulator's own front on every public database port: it answers TLS with the service certificate, refuses
/// what the cloud refuses (no TLS, a paused service, fault rules), makes read-only sessions read-only, and relays the
/// rest byte for byte to the server's Unix socket, where PostgreSQL does its own password check.
///
/// How to use it: <see cref="Open"/> a public port with a resolver called at each connect (so a server restarted, a
/// standby promoted or a service paused is seen by the next connection without telling the front);
/// <see cref="Reroute"/> points an open port elsewhere (a failover: new connections reach the promoted server, open
/// ones stay where they are until they end); <see cref="Close"/> when the port's owner is gone. A read replica's
/// server is fronted the same way: open its endpoint port with a resolver naming its <see cref="PostgresServer"/> and
/// node. The pooler's port is not fronted: PgBouncer listens there itself and reaches the server's socket directly.
public sealed class DatabaseFront : IDisposable
{
    private readonly DatabaseSettings settings;
    private readonly DatabaseFleet fleet;
    private readonly ILogger<DatabaseFront> logger;
    private readonly ConcurrentDictionary<int, PortListener> ports = new();
    private readonly Lazy<X509Certificate2> certificate;

    public DatabaseFront(DatabaseSettings settings, DatabaseFleet fleet, IConnectionFaults faults, ILogger<DatabaseFront> logger)
    {
        this.settings = settings;
        this.fleet = fleet;
        this.logger = logger;
        Faults = faults;
        certificate = new(() => X509Certificate2.CreateFromPemFile(fleet.Tls.Certificate, fleet.Tls.Key));
        faults.EndRuleAdded += EndOpenConnections;
    }

    internal IConnectionFaults Faults { get; }

    internal X509Certificate2 Certificate => certificate.Value;

    internal ILogger Logger => logger;

    /// Starts listening on the port (on the databases' listen address) and routes each connection to what
    /// <paramref name="resolve"/> answers at that moment. Throws a SocketException when the port is taken.
    public void Open(int port, Func<FrontTarget> resolve)
    {
        var listener = new PortListener(this, new IPEndPoint(IPAddress.Parse(settings.ListenAddress), port), resolve);
        if (!ports.TryAdd(port, listener))
        {
            listener.Dispose();
            throw new InvalidOperationException($"the database front already listens on port {port}");
        }
    }

    /// Routes the port's next connections to another backend; open connections stay where they are.
    public void Reroute(int port, Func<FrontTarget> resolve)
    {
        if (ports.TryGetValue(port, out var listener))
        {
            listener.Resolve = resolve;
        }
    }

    /// Stops listening on the port and closes its connections.
    public void Close(int port)
    {
        if (ports.TryRemove(port, out var listener))
        {
            listener.Dispose();
        }
    }

    public void CloseAll()
    {
        foreach (var port in ports.Keys)
        {
            Close(port);
        }
    }

    public void Dispose()
    {
        Faults.EndRuleAdded -= EndOpenConnections;
        CloseAll();
    }

    // An end_connections rule acts once, as it is added: every open session it fires on is ended by the server itself
    // (pg_terminate_backend, FATAL 57P01), and the rule's answer waits for that, so a client's next statement fails.
    private void EndOpenConnections(string ruleId)
    {
        var ending = ports.Values.SelectMany(listener => listener.Connections)
            .Where(connection => connection.Session is { } session && Faults.Ends(ruleId, session.Target.Connection))
            .Select(connection => connection.TerminateAsync())
            .ToArray();
        if (!Task.WhenAll(ending).Wait(TimeSpan.FromSeconds(10)))
        {
            logger.LogWarning("Fault rule {Rule}: some connections were not ended within 10 s", ruleId);
        }
    }
}
