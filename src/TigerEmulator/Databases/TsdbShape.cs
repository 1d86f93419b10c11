using System.Text;

namespace TigerEmulator.Databases;

/// What every service's tsdb holds as the cloud's does, made sure of after each start of a primary: the role helpers
/// (<see cref="ReadOnlyRoles"/>; a cluster copied from an older template, or found in a data folder, gets them at its
/// first start here, and a cluster that has this revision skips them) and the extensions of its service type
/// (<see cref="ServiceExtensions"/>). An extension the binaries lack is told in the server's own log as a WARNING at each
/// start, where the service's logs read it. A standby (in recovery) is left alone: it has what its primary has.
internal static class TsdbShape
{
    public static Task EnsureAsync(PostgresServer server, AvailableExtensions available, CancellationToken cancellationToken)
    {
        var script = new StringBuilder()
            .Append("SELECT pg_catalog.pg_is_in_recovery() AS tiger_standby, coalesce(pg_catalog.obj_description(pg_catalog.to_regnamespace('timescale_functions'), 'pg_namespace') = ")
            .Append(ServerConfig.Quote(ReadOnlyRoles.Marker)).Append(", false) AS tiger_current \\gset\n")
            .Append("\\if :tiger_standby\n\\q\n\\endif\n")
            .Append("\\if :tiger_current\n\\else\n").Append(ReadOnlyRoles.Sql).Append("\\endif\n");
        foreach (var extension in server.Extensions.Installed)
        {
            script.Append("CREATE EXTENSION IF NOT EXISTS \"").Append(extension.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\";\n");
        }

        foreach (var extension in server.Extensions.Missing)
        {
            var warning = $"extension \"{extension}\" is not installed here ({available.WhyMissing(extension)}); this {server.ServiceType} service runs without it";
            script.Append("DO $tiger$ BEGIN RAISE WARNING '%', ").Append(ServerConfig.Quote(warning)).Append("; END $tiger$;\n");
        }

        return server.RunSqlAsync(script.ToString(), new Dictionary<string, string>(), cancellationToken, ClusterTemplate.Database);
    }
}
