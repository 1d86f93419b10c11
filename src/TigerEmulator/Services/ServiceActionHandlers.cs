using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;

namespace TigerEmulator.Services;

/// Start, stop, resize, HA, pooler, environment, password and name: the actions on one service.
public static class ServiceActionHandlers
{
    public static Results<Accepted<ServiceBody>, ErrorResult> Start(string project_id, string service_id, ServiceCatalog catalog) =>
        catalog.Begin(project_id, service_id, ServiceLifecycle.StartService);

    public static Results<Accepted<ServiceBody>, ErrorResult> Stop(string project_id, string service_id, ServiceCatalog catalog) =>
        catalog.Begin(project_id, service_id, ServiceLifecycle.StopService);

    /// Keeps the size it replaces, with the time, so that the metrics of the past still show the old size.
    public static async Task<Results<Accepted<ServiceBody>, ErrorResult>> Resize(
        string project_id, string service_id, HttpRequest request, ServiceCatalog catalog, EmulatorClock clock)
    {
        var (cpu, memory) = ServiceRequests.ParseResize(await JsonBody.ReadAsync(request));
        return catalog.Begin(project_id, service_id, ServiceLifecycle.Resize, service => service with
        {
            CpuMillis = cpu,
            MemoryGbs = memory,
            EarlierSizes = [.. service.EarlierSizes, new EarlierSize(clock.UtcNow, service.CpuMillis, service.MemoryGbs)],
        });
    }

    public static async Task<Results<Accepted<ServiceBody>, ErrorResult>> SetHa(string project_id, string service_id, HttpRequest request, ServiceCatalog catalog)
    {
        var change = ServiceRequests.ParseHa(await JsonBody.ReadAsync(request));
        return catalog.Begin(project_id, service_id, ServiceLifecycle.SetHa, service =>
        {
            var replicas = change.ReplicaCount ?? service.HaReplicaCount;
            var sync = change.SyncReplicaCount ?? Math.Min(service.HaSyncReplicaCount, replicas);
            if (ServiceRules.SyncProblem(replicas, sync) is { } problem)
            {
                throw TigerException.Invalid($"'sync_replica_count' {problem}");
            }

            return service with { HaReplicaCount = replicas, HaSyncReplicaCount = sync };
        });
    }

    public static Task<Results<Ok<MessageBody>, ErrorResult>> EnablePooler(
        string project_id, string service_id, ServiceCatalog catalog, ResourceLifecycle lifecycle, HttpContext context) =>
        SetPoolerAsync(catalog, lifecycle, project_id, service_id, enabled: true, "Connection pooler enabled", context.RequestAborted);

    public static Task<Results<Ok<MessageBody>, ErrorResult>> DisablePooler(
        string project_id, string service_id, ServiceCatalog catalog, ResourceLifecycle lifecycle, HttpContext context) =>
        SetPoolerAsync(catalog, lifecycle, project_id, service_id, enabled: false, "Connection pooler disabled", context.RequestAborted);

    public static async Task<Results<Ok<MessageBody>, ErrorResult>> SetEnvironment(string project_id, string service_id, HttpRequest request, ServiceCatalog catalog)
    {
        var environment = (await JsonBody.ReadAsync(request)).RequiredEnum("environment", ServiceRequests.Environments);
        return Configure(catalog, project_id, service_id, s => s with { Environment = environment }, $"Environment set to {environment}");
    }

    /// A change of name only, in any status but DELETING, which refuses it like the other configuration changes: a service
    /// on its way out is no longer the client's to change, only to delete again.
    public static async Task<Results<Ok<ServiceBody>, ErrorResult>> Rename(string project_id, string service_id, HttpRequest request, ServiceCatalog catalog)
    {
        var name = ServiceRequests.ParseRename(await JsonBody.ReadAsync(request));
        var outcome = ChangeUnlessDeleting(catalog, project_id, service_id, s => s with { Name = name });
        return outcome.Error is { } error ? error : TypedResults.Ok(catalog.Body(outcome.Document!));
    }

    /// Only a hash is stored; the listeners receive the new password once (a real server needs it), and the answer
    /// waits until they have, so the new password works as soon as the client hears 204.
    public static async Task<Results<NoContent, ErrorResult>> UpdatePassword(
        string project_id, string service_id, HttpRequest request, ServiceCatalog catalog, ResourceLifecycle lifecycle)
    {
        var password = ServiceRequests.ParsePassword(await JsonBody.ReadAsync(request));
        var outcome = catalog.Change(project_id, service_id, service =>
        {
            if (Unless(service, ServiceStatus.Deleting) is { } refusal)
            {
                return refusal;
            }

            var changed = service with { PasswordHash = ServiceHandlers.HashPassword(password) };
            lifecycle.Announce(changed, ServiceLifecycle.Kind, "updatePassword", new Secret(password));
            return changed;
        });
        if (outcome.Error is { } error)
        {
            return error;
        }

        await lifecycle.HeardWithinAsync(ServiceLifecycle.Kind, service_id, request.HttpContext.RequestAborted);
        return TypedResults.NoContent();
    }

    // The pooler follows the flag: the answer waits until the listeners have started or stopped it (a real PgBouncer
    // listens on the pooler's port when the client hears 200), as a password change waits until it is in force.
    private static async Task<Results<Ok<MessageBody>, ErrorResult>> SetPoolerAsync(
        ServiceCatalog catalog, ResourceLifecycle lifecycle, string projectId, string serviceId, bool enabled, string message, CancellationToken aborted)
    {
        var outcome = ChangeUnlessDeleting(catalog, projectId, serviceId, service =>
        {
            var changed = service with { PoolerEnabled = enabled };
            lifecycle.Announce(changed, ServiceLifecycle.Kind, LifecycleEvent.PoolerChanged, null);
            return changed;
        });
        if (outcome.Error is { } error)
        {
            return error;
        }

        await lifecycle.HeardWithinAsync(ServiceLifecycle.Kind, serviceId, aborted);
        return TypedResults.Ok(new MessageBody(message));
    }


    private static Results<Ok<MessageBody>, ErrorResult> Configure(ServiceCatalog catalog, string projectId, string serviceId, Func<ServiceDocument, ServiceDocument> change, string message)
    {
        var outcome = ChangeUnlessDeleting(catalog, projectId, serviceId, change);
        return outcome.Error is { } error ? error : TypedResults.Ok(new MessageBody(message));
    }

    private static Checked<ServiceDocument> ChangeUnlessDeleting(ServiceCatalog catalog, string projectId, string serviceId, Func<ServiceDocument, ServiceDocument> change) =>
        catalog.Change(projectId, serviceId, service => Unless(service, ServiceStatus.Deleting) is { } refusal ? refusal : change(service));

    private static ErrorResult? Unless(ServiceDocument service, string status) =>
        service.Status == status ? Errors.BadRequest($"Service '{service.Id}' is {service.Status}") : null;
}
