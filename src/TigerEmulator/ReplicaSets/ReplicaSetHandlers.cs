using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Endpoints;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;
using TigerEmulator.Services;
using TigerEmulator.Storage;

namespace TigerEmulator.ReplicaSets;

public static class ReplicaSetHandlers
{
    public static Results<Ok<List<ReplicaSetBody>>, ErrorResult> List(string project_id, string service_id, ServiceCatalog catalog) =>
        catalog.Find(project_id, service_id) is null
            ? Errors.NotFound("service", service_id)
            : TypedResults.Ok(catalog.ReplicaSetsOf(service_id).Select(ReplicaSetBody.From).ToList());

    public static async Task<Results<Accepted<ReplicaSetBody>, ErrorResult>> Create(
        string project_id, string service_id, HttpRequest request, ServiceCatalog catalog, IStore<ReplicaSetDocument> sets,
        ResourceLifecycle lifecycle, IdGenerator ids, EmulatorClock clock, IEndpointAllocator endpoints, StateLock state)
    {
        var (name, nodes, cpu, memory) = ReplicaSetRequests.ParseCreate(await JsonBody.ReadAsync(request));
        return state.Run<Results<Accepted<ReplicaSetBody>, ErrorResult>>(() =>
        {
            var service = catalog.Find(project_id, service_id);
            if (service is null)
            {
                return Errors.NotFound("service", service_id);
            }

            if (ResourceLifecycle.SourceRefusal(service, ReplicaSetLifecycle.Create, "Service", "creating a read replica set") is { } refusal)
            {
                return refusal;
            }

            var id = ids.NewId();
            var address = endpoints.Allocate(ReplicaSetLifecycle.Kind, id, project_id);
            var set = new ReplicaSetDocument
            {
                Id = id, ServiceId = service.Id, ProjectId = project_id, Name = name, Created = clock.UtcNow,
                Nodes = nodes, CpuMillis = cpu, MemoryGbs = memory, Environment = service.Environment, Host = address.Host, Port = address.Port,
            };
            var begun = lifecycle.Begin(set, ReplicaSetLifecycle.Create);
            sets.Insert(begun);
            return TypedResults.Accepted((string?)null, ReplicaSetBody.From(begun));
        });
    }

    public static Results<StatusCodeHttpResult, ErrorResult> Delete(
        string project_id, string service_id, string replica_set_id, ServiceCatalog catalog, IStore<ReplicaSetDocument> sets, ResourceLifecycle lifecycle) =>
        Accepted(Change(project_id, service_id, replica_set_id, catalog, sets, set =>
            set.Status == ReplicaSetStatus.Deleting ? set : lifecycle.Begin(set, ReplicaSetLifecycle.Delete)));

    /// The older revision documents a 202 without a body, the newer one a SuccessMessage: the message is sent.
    public static async Task<Results<Accepted<MessageBody>, ErrorResult>> Resize(
        string project_id, string service_id, string replica_set_id, HttpRequest request, ServiceCatalog catalog, IStore<ReplicaSetDocument> sets, ResourceLifecycle lifecycle)
    {
        var (cpu, memory) = ServiceRequests.ParseResize(await JsonBody.ReadAsync(request));
        var error = Change(project_id, service_id, replica_set_id, catalog, sets, set =>
        {
            if (lifecycle.Refusal(set, ReplicaSetLifecycle.Resize, "Read replica set") is { } refusal)
            {
                return refusal;
            }

            return lifecycle.Begin(set with { CpuMillis = cpu, MemoryGbs = memory }, ReplicaSetLifecycle.Resize);
        });
        return error is null ? TypedResults.Accepted((string?)null, new MessageBody("Resize request has been accepted and is in progress")) : error;
    }

    public static Task<Results<Ok<MessageBody>, ErrorResult>> EnablePooler(
        string project_id, string service_id, string replica_set_id, ServiceCatalog catalog, IStore<ReplicaSetDocument> sets, ResourceLifecycle lifecycle, HttpContext context) =>
        SetPoolerAsync(project_id, service_id, replica_set_id, catalog, sets, lifecycle, enabled: true, "Connection pooler enabled", context.RequestAborted);

    public static Task<Results<Ok<MessageBody>, ErrorResult>> DisablePooler(
        string project_id, string service_id, string replica_set_id, ServiceCatalog catalog, IStore<ReplicaSetDocument> sets, ResourceLifecycle lifecycle, HttpContext context) =>
        SetPoolerAsync(project_id, service_id, replica_set_id, catalog, sets, lifecycle, enabled: false, "Connection pooler disabled", context.RequestAborted);

    public static async Task<Results<Ok<MessageBody>, ErrorResult>> SetEnvironment(
        string project_id, string service_id, string replica_set_id, HttpRequest request, ServiceCatalog catalog, IStore<ReplicaSetDocument> sets)
    {
        var environment = (await JsonBody.ReadAsync(request)).RequiredEnum("environment", ServiceRequests.Environments);
        return Configure(project_id, service_id, replica_set_id, catalog, sets, set => set with { Environment = environment }, $"Environment set to {environment}");
    }

    // As a service's: the change is announced and the answer waits (bounded) until the listeners have made a pooler
    // follow it, for a replica set with a server of its own to start or stop its PgBouncer before the client hears.
    private static async Task<Results<Ok<MessageBody>, ErrorResult>> SetPoolerAsync(
        string projectId, string serviceId, string setId, ServiceCatalog catalog, IStore<ReplicaSetDocument> sets, ResourceLifecycle lifecycle, bool enabled,
        string message, CancellationToken aborted)
    {
        var answer = Configure(projectId, serviceId, setId, catalog, sets, set =>
        {
            var changed = set with { PoolerEnabled = enabled };
            lifecycle.Announce(changed, ReplicaSetLifecycle.Kind, LifecycleEvent.PoolerChanged, null);
            return changed;
        }, message);
        await lifecycle.HeardWithinAsync(ReplicaSetLifecycle.Kind, setId, aborted);
        return answer;
    }

    private static Results<Ok<MessageBody>, ErrorResult> Configure(
        string projectId, string serviceId, string setId, ServiceCatalog catalog, IStore<ReplicaSetDocument> sets, Func<ReplicaSetDocument, ReplicaSetDocument> change, string message)
    {
        var error = Change(projectId, serviceId, setId, catalog, sets, set =>
            set.Status == ReplicaSetStatus.Deleting ? Errors.BadRequest($"Read replica set '{set.Id}' is deleting") : change(set));
        return error is null ? TypedResults.Ok(new MessageBody(message)) : error;
    }

    private static ErrorResult? Change(
        string projectId, string serviceId, string setId, ServiceCatalog catalog, IStore<ReplicaSetDocument> sets, Func<ReplicaSetDocument, Checked<ReplicaSetDocument>> change) =>
        catalog.State.Run(() =>
        {
            if (catalog.Find(projectId, serviceId) is null)
            {
                return Errors.NotFound("service", serviceId);
            }

            if (sets.Get(setId) is not { } set || set.ServiceId != serviceId)
            {
                return Errors.NotFound("read replica set", setId);
            }

            var outcome = change(set);
            if (outcome.Document is { } changed)
            {
                sets.Update(changed);
            }

            return outcome.Error;
        });

    private static Results<StatusCodeHttpResult, ErrorResult> Accepted(ErrorResult? error) =>
        error is null ? TypedResults.StatusCode(StatusCodes.Status202Accepted) : error;
}
