namespace TigerEmulator.Databases;

/// Which server answers a public endpoint port: the one place the emulator's own TCP front (branch i15-front) takes
/// over. Until it lands, a server answers its endpoint port by listening on it itself (its socket carries the same
/// number), and a server that answers none, an HA standby, listens on its Unix socket only. A failover keeps the
/// service's port with the same <see cref="PostgresServer"/> (same folder, socket and port; the promoted standby's data
/// moved into it), so a route from the port to that server stays right.
public static class EndpointAnswers
{
    public static string ListenAddressOf(PostgresServer server, DatabaseSettings settings) =>
        server.AnswersEndpoint ? settings.ListenAddress : "";
}
