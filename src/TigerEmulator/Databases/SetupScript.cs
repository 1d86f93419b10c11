namespace TigerEmulator.Databases;

/// A scenario's SQL for a service, run once in its new database as tsdbadmin (objects it makes are tsdbadmin's, as a
/// user's own would be). A marker in the service's folder says it was run, so that the same data folder met again (a
/// restart, the scenario applied again over kept clusters) never runs it twice; a failed script is not tried again.
internal static class SetupScript
{
    public static string Marker(PostgresServer server) => Path.Combine(server.Folder, "setup-sql.done");

    public static async Task RunOnceAsync(PostgresServer server, string? sql, CancellationToken cancellationToken)
    {
        if (sql is null || File.Exists(Marker(server)))
        {
            return;
        }

        // The script reaches psql on its standard input, after the switch to tsdbadmin; it is never part of a command
        // line. psql names the failing line and prints PostgreSQL's error, which becomes the failure's reason.
        var script = $"SET SESSION AUTHORIZATION {ClusterTemplate.Owner};\n{sql}\n";
        try
        {
            await server.RunSqlAsync(script, new Dictionary<string, string>(), cancellationToken, ClusterTemplate.Database);
        }
        catch (DatabaseException failure)
        {
            throw new DatabaseException($"the scenario's sql failed: {failure.Message}");
        }
        finally
        {
            await File.WriteAllTextAsync(Marker(server), "", CancellationToken.None);
        }
    }
}
