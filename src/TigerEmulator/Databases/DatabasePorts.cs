using System.Net;
using System.Net.Sockets;
using TigerEmulator.Endpoints;
using TigerEmulator.Databases.Front;
using TigerEmulator.Http;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;

namespace TigerEmulator.Databases;

/// Hands each new service and read replica set a pair of free ports from the configured range (its server's and the
/// pooler's), kept for its life, and refuses one beyond the limit on live databases. The server's port is held by the
/// database front from allocation to removal (its listening is the check that the port is free); the pooler's is
/// checked free on 127.0.0.1. Other kinds keep the made-up addresses.
public sealed class DatabasePorts(DatabaseSettings settings, DatabaseFront front, ServiceFrontRoutes routes) : IEndpointAllocator
{
    private readonly MadeUpEndpoints madeUp = new();
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> reserved = [];

    public EndpointAddress Allocate(string kind, string id, string projectId)
    {
        if (kind is not (ServiceLifecycle.Kind or ReplicaSetLifecycle.Kind))
        {
            return madeUp.Allocate(kind, id, projectId);
        }

        lock (gate)
        {
            if (reserved.Count >= settings.MaxDatabases)
            {
                throw new TigerException(Errors.Conflict(
                    $"the emulator runs at most {settings.MaxDatabases} databases ({DatabaseSettings.MaxKey}); delete a service or raise the limit"));
            }

            var taken = reserved.Values.ToHashSet();
            for (var port = settings.FirstPort; port < settings.LastPort; port += 2)
            {
                if (!taken.Contains(port) && IsFree(port + 1) && Fronted(id, port))
                {
                    reserved[id] = port;
                    return new EndpointAddress(settings.Host, port);
                }
            }
        }

        throw new TigerException(Errors.ServiceUnavailable(
            $"no free pair of ports left in {settings.FirstPort}-{settings.LastPort} ({DatabaseSettings.PortsKey})"));
    }

    /// A service or replica set found at start keeps the port stored on it; false when another program holds it now.
    public bool Keep(string id, int port)
    {
        lock (gate)
        {
            return !reserved.TryAdd(id, port) || Fronted(id, port);
        }
    }

    public void Release(string id)
    {
        lock (gate)
        {
            if (reserved.Remove(id, out var port))
            {
                front.Close(port);
            }
        }
    }

    public void ReleaseAll()
    {
        lock (gate)
        {
            reserved.Clear();
            front.CloseAll();
        }
    }

    private bool Fronted(string id, int port)
    {
        try
        {
            front.Open(port, routes.For(id));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
