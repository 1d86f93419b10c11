using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
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
            .WithSummary("Whether services have real PostgreSQL servers and poolers, and each server's service, port, data folder, status, PID, extensions (installed, and missing from these binaries) and pooler; then the standbys (HA and read replica sets) with their poolers.");
        admin.MapPost("/services/{service_id}/failover", Failover).WithName("failoverService").ProducesError(400, 404)
            .WithSummary("Kills the service's primary and promotes an HA replica: the service is UNSTABLE, then READY on the same endpoint with its committed data.");
        return admin;
    }

    private static Results<Accepted<FailoverBody>, ErrorResult> Failover(string service_id, IStore<ServiceDocument> services, ResourceLifecycle lifecycle, StateLock state)
    {
        var outcome = ServiceFailover.Begin(service_id, services, lifecycle, state);
        return outcome.Document is { } failing ? TypedResults.Accepted((string?)null, new FailoverBody(failing.Id, failing.Status)) : outcome.Error!;
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
                server.ServiceId, services.Get(server.ServiceId)?.Status, server.Port, server.DataFolder, server.State, server.Pid, server.LastSnapshot, server.Extensions,
                PoolerOf(poolers, server.ServiceId)))
            .ToList() ?? [];
        var standbyFleet = provider.GetService<StandbyFleet>();
        var standbys = standbyFleet?.Servers
            .OrderBy(standby => standby.ServiceId, StringComparer.Ordinal).ThenBy(standby => standby.Node)
            .Select(standby => new StandbyBody(
                standby.ServiceId, standby.Node, standby.AnswersEndpoint ? "replica_set" : "ha", standby.Source?.Name, standby.Port, standby.DataFolder, standby.State, standby.Pid,
                standbyFleet.KeyOf(standby) is { } key ? PoolerOf(poolers, key) : null))
            .ToList() ?? [];
        return TypedResults.Ok(new DatabasesBody(status.Enabled, status.Description, new PoolerStatusBody(pooler.Enabled, pooler.Description), servers, standbys));
    }

    private static PoolerBody? PoolerOf(PoolerFleet? poolers, string ownerId) =>
        poolers?.Find(ownerId) is { Port: { } port } running ? new PoolerBody(port, running.State, running.Pid) : null;
}

public sealed record DatabasesBody(bool Enabled, string Description, PoolerStatusBody Pooler, IReadOnlyList<DatabaseBody> Databases, IReadOnlyList<StandbyBody> Standbys);

/// A standby: its service, node number, kind (ha, replica_set), the name it streams under, port, folder, state, PID,
/// and a read replica set's pooler.
public sealed record StandbyBody(string ServiceId, int Node, string Kind, string? Name, int Port, string DataFolder, string Server, int? Pid, PoolerBody? Pooler);

public sealed record FailoverBody(string ServiceId, string Status);

/// Pooler: the service's PgBouncer once one was started (its port, running, stopped or failed, and its PID), else null.
public sealed record DatabaseBody(
    string ServiceId, string? ServiceStatus, int Port, string DataFolder, string Server, int? Pid, DateTime? LastSnapshot, ExtensionPlan Extensions, PoolerBody? Pooler);

public sealed record PoolerStatusBody(bool Enabled, string Description);

public sealed record PoolerBody(int Port, string State, int? Pid);
