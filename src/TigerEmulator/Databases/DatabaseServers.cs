using System.Globalization;
using TigerEmulator.RealServers;

namespace TigerEmulator.Databases;

/// Each service's servers as the logs and metrics see them, by node number.
public sealed class DatabaseServers(DatabaseFleet fleet, StandbyFleet standbys) : IRealServers
{
    private const string FiguresSql =
        "select pg_database_size(current_database()), count(*) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid();\n";

    public ServerLogPlace? LogOf(string serviceId, int node) =>
        ServerOf(serviceId, node) is { } server ? new ServerLogPlace(server.LogFolder, Path.Combine(server.Folder, "log-book.jsonl")) : null;

    public async Task<ServerFigures?> FiguresAsync(string serviceId, CancellationToken cancellationToken)
    {
        if (ServerOf(serviceId, 0) is not { Pid: not null } server)
        {
            return null;
        }

        try
        {
            // The emulator's own session is left out of the count: the figures are the clients'.
            var row = (await server.RunSqlAsync(FiguresSql, new Dictionary<string, string>(), cancellationToken, ClusterTemplate.Database)).Trim().Split('|');
            return new ServerFigures(double.Parse(row[0], CultureInfo.InvariantCulture), double.Parse(row[1], CultureInfo.InvariantCulture));
        }
        catch (DatabaseException)
        {
            // Stopped between the look and the question: no figures this time.
            return null;
        }
    }

    // The primary is node 0; HA replicas and read replica sets are their standbys' node numbers.
    private PostgresServer? ServerOf(string serviceId, int node) =>
        node == 0 ? fleet.Find(serviceId) : standbys.Of(serviceId).FirstOrDefault(standby => standby.Node == node);
}
