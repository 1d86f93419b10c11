namespace TigerEmulator.Databases.Front;

/// Where a connection to a public port goes, resolved as it arrives: the service and node it reaches, the server
/// behind it (its socket folder and port name the Unix socket), and, while that server is not there to answer, the
/// message a start-up is refused with (SQLSTATE 57P03).
public sealed record FrontTarget(string ServiceId, string? ProjectId, int Node, PostgresServer? Server, string? NotRunning)
{
    public Endpoints.ConnectionTarget Connection => new(ServiceId, ProjectId, Node);

    public string SocketPath => Path.Combine(Server!.SocketFolder, $".s.PGSQL.{Server.Port}");
}
