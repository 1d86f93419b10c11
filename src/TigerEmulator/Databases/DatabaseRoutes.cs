using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Services;
using TigerEmulator.Storage;

namespace TigerEmulator.Databases;

/// GET /_emulator/databases: each service's server, for a person wondering where a service's data lives.
public static class DatabaseRoutes
{
    public static RouteGroupBuilder MapDatabases(this RouteGroupBuilder admin)
    {
        admin.MapGet("/databases", List).WithName("getDatabases")
            .WithSummary("Whether services have real PostgreSQL servers, and each server's service, port, data folder, status, PID and extensions (installed, and missing from these binaries).");
        return admin;
    }

    private static Ok<DatabasesBody> List(DatabaseStatus status, IServiceProvider provider, IStore<ServiceDocument> services)
    {
        // A read of this list is also a clock mark: a test that moved the emulated clock pins the real time it maps to.
        provider.GetService<ClockMarks>()?.Mark();
        var fleet = provider.GetService<DatabaseFleet>();
        var servers = fleet?.Servers
            .OrderBy(server => server.ServiceId, StringComparer.Ordinal)
            .Select(server => new DatabaseBody(
                server.ServiceId, services.Get(server.ServiceId)?.Status, server.Port, server.DataFolder, server.State, server.Pid, server.LastSnapshot, server.Extensions))
            .ToList() ?? [];
        return TypedResults.Ok(new DatabasesBody(status.Enabled, status.Description, servers));
    }
}

public sealed record DatabasesBody(bool Enabled, string Description, IReadOnlyList<DatabaseBody> Databases);

public sealed record DatabaseBody(
    string ServiceId, string? ServiceStatus, int Port, string DataFolder, string Server, int? Pid, DateTime? LastSnapshot, ExtensionPlan Extensions);
