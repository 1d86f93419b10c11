namespace TigerEmulator.RealServers;

/// What the data plane tells the features about a service's real servers: where a node's server writes its log (for
/// GET .../logs) and the primary's own figures (for the metrics). Databases registers it when services have real
/// servers; without one, logs and metrics are generated as they always were. Node 0 is the primary, as in the logs
/// and metrics of the contract; a standby is found by its own node number.
public interface IRealServers
{
    /// The node's server's log, or null when the node has no real server.
    ServerLogPlace? LogOf(string serviceId, int node);

    /// The primary's figures now, or null when it has no running server.
    Task<ServerFigures?> FiguresAsync(string serviceId, CancellationToken cancellationToken);
}

/// Where a server writes its JSON log files, and the file beside them where the emulator keeps what it has read of them
/// (the entries the API shows, redacted and on the emulated clock).
public sealed record ServerLogPlace(string LogFolder, string BookFile);

/// What a running server says about its database: the size of tsdb and its clients' connections.
public sealed record ServerFigures(double DatabaseBytes, double Connections);
