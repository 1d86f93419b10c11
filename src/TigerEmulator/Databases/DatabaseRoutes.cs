using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Databases.Pooler;
using TigerEmulator.Services;
using TigerEmulator.Storage;

namespace TigerEmulator.Databases;

/// GET /_emulator/databases: each service's server, for a person wondering where a service's data lives.
public static class DatabaseRoutes
{
    public static RouteGroupBuilder MapDatabases(this RouteGroupBuilder admin)
    {
        admin.MapGet("/databases", List).WithName("getDatabases")
            .WithSummary("Whether services have real PostgreSQL servers and poolers, and each server's service, port, data folder, status and PID, with its pooler's.");
        return admin;
    }

    private static Ok<DatabasesBody> List(DatabaseStatus status, PoolerStatus pooler, IServiceProvider provider, IStore<ServiceDocument> services)
    {
        // A read of this list is also a clock mark: a test that moved the emulated clock pins the real time it maps to.
        provider.GetService<ClockMarks>()?.Mark();
        var fleet = provider.GetService<DatabaseFleet>();
        var poolers = provider.GetService<PoolerFleet>();
        var servers = fleet?.Servers
            .OrderBy(server => server.ServiceId, StringComparer.Ordinal)
            .Select(server => new DatabaseBody(
                server.ServiceId, services.Get(server.ServiceId)?.Status, server.Port, server.DataFolder, server.State, server.Pid, server.LastSnapshot,
                poolers?.Find(server.ServiceId) is { Port: { } port } running ? new PoolerBody(port, running.State, running.Pid) : null))
            .ToList() ?? [];
        return TypedResults.Ok(new DatabasesBody(status.Enabled, status.Description, new PoolerStatusBody(pooler.Enabled, pooler.Description), servers));
    }
}

public sealed record DatabasesBody(bool Enabled, string Description, PoolerStatusBody Pooler, IReadOnlyList<DatabaseBody> Databases);

/// Pooler: the service's PgBouncer once one was started (its port, running, stopped or failed, and its PID), else null.
public sealed record DatabaseBody(
    string ServiceId, string? ServiceStatus, int Port, string DataFolder, string Server, int? Pid, DateTime? LastSnapshot, PoolerBody? Pooler);

public sealed record PoolerStatusBody(bool Enabled, string Description);

public sealed record PoolerBody(int Port, string State, int? Pid);
