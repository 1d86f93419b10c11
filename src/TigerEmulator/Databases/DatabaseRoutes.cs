using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Services;
using TigerEmulator.Storage;

namespace TigerEmulator.Databases;

/// GET /_emulator/databases: each service's server, for a person wondering where a service's data lives.
public static class DatabaseRoutes
{
    public static RouteGroupBuilder MapDatabases(this RouteGroupBuilder admin)
    {
        admin.MapGet("/databases", List).WithName("getDatabases")
            .WithSummary("Whether services have real PostgreSQL servers, and each server's service, port, data folder, status, PID and extensions (installed, and missing from these binaries); then the standbys (HA and read replica sets).");
        admin.MapPost("/services/{service_id}/failover", Failover).WithName("failoverService").ProducesError(400, 404)
            .WithSummary("Kills the service's primary and promotes an HA replica: the service is UNSTABLE, then READY on the same endpoint with its committed data.");
        return admin;
    }

    private static Results<Accepted<FailoverBody>, ErrorResult> Failover(string service_id, IStore<ServiceDocument> services, ResourceLifecycle lifecycle, StateLock state)
    {
        var outcome = ServiceFailover.Begin(service_id, services, lifecycle, state);
        return outcome.Document is { } failing ? TypedResults.Accepted((string?)null, new FailoverBody(failing.Id, failing.Status)) : outcome.Error!;
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
        var standbys = provider.GetService<StandbyFleet>()?.Servers
            .OrderBy(standby => standby.ServiceId, StringComparer.Ordinal).ThenBy(standby => standby.Node)
            .Select(standby => new StandbyBody(
                standby.ServiceId, standby.Node, standby.AnswersEndpoint ? "replica_set" : "ha", standby.Source?.Name, standby.Port, standby.DataFolder, standby.State, standby.Pid))
            .ToList() ?? [];
        return TypedResults.Ok(new DatabasesBody(status.Enabled, status.Description, servers, standbys));
    }
}

public sealed record DatabasesBody(bool Enabled, string Description, IReadOnlyList<DatabaseBody> Databases, IReadOnlyList<StandbyBody> Standbys);

/// A standby: its service, node number, kind (ha, replica_set), the name it streams under, port, folder, state, PID.
public sealed record StandbyBody(string ServiceId, int Node, string Kind, string? Name, int Port, string DataFolder, string Server, int? Pid);

public sealed record FailoverBody(string ServiceId, string Status);

public sealed record DatabaseBody(
    string ServiceId, string? ServiceStatus, int Port, string DataFolder, string Server, int? Pid, DateTime? LastSnapshot, ExtensionPlan Extensions);
