using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Storage;

namespace TigerEmulator.Services;

/// Finds services within a project and applies checked changes to them, one at a time.
public sealed class ServiceCatalog(IStore<ServiceDocument> services, IStore<ReplicaSetDocument> replicaSets, ResourceLifecycle lifecycle, StateLock state)
{
    public IStore<ServiceDocument> Services => services;

    /// The state lock its changes run under, for checked changes to what belongs to a service.
    public StateLock State => state;

    public ServiceDocument? Find(string projectId, string serviceId)
    {
        var service = services.Get(serviceId);
        return service?.ProjectId == projectId ? service : null;
    }

    /// Like <see cref="Find"/>, for answers that only read: the stored service itself, which must not be changed.
    public ServiceDocument? Read(string projectId, string serviceId) =>
        services.Peek(serviceId) is { } service && service.ProjectId == projectId ? service : null;

    public ServiceBody Body(ServiceDocument service, string? initialPassword = null) =>
        ServiceBody.From(service, ReplicaSetsOf(service.Id), initialPassword);

    public IReadOnlyList<ServiceBody> List(string projectId) =>
        services.PeekList(s => s.ProjectId == projectId)
            .OrderBy(s => s.Created).ThenBy(s => s.Id)
            .Select(s => ServiceBody.From(s, ReplicaSetsOf(s.Id)))
            .ToList();

    /// A service's replica sets as stored (not to be changed), oldest first, whatever order the store found them in.
    public IEnumerable<ReplicaSetDocument> ReplicaSetsOf(string serviceId)
    {
        var sets = replicaSets.PeekOwnedBy(serviceId);
        return sets.Count < 2 ? sets : sets.OrderBy(r => r.Created).ThenBy(r => r.Id);
    }

    /// Stores a new service at the first step of its create or fork, and answers with its one-time password, which the
    /// lifecycle's listeners receive once (a real server needs it) and nothing stores.
    public Accepted<ServiceBody> Launch(ServiceDocument service, LifecycleAction action, string initialPassword) =>
        state.Run(() =>
        {
            lifecycle.Begin(service, action, new Secret(initialPassword));
            services.Insert(service);
            return TypedResults.Accepted((string?)null, Body(service, initialPassword));
        });

    /// Starts an asynchronous action: 404 for an unknown service, 409 when its status forbids the action.
    public Results<Accepted<ServiceBody>, ErrorResult> Begin(string projectId, string serviceId, LifecycleAction action, Action<ServiceDocument>? change = null) =>
        Change(projectId, serviceId, service => TryBegin(service, action, () => change?.Invoke(service))) is { } error
            ? error
            : TypedResults.Accepted((string?)null, Body(Find(projectId, serviceId)!));

    /// For use inside <see cref="Change"/>: refuses with 409 when the status forbids the action, else changes and begins it.
    public ErrorResult? TryBegin(ServiceDocument service, LifecycleAction action, Action change)
    {
        if (lifecycle.Refusal(service, action, "Service") is { } refusal)
        {
            return refusal;
        }

        change();
        lifecycle.Begin(service, action);
        return null;
    }

    /// Applies a check-and-change atomically; the check returns an error to refuse.
    public ErrorResult? Change(string projectId, string serviceId, Func<ServiceDocument, ErrorResult?> change) =>
        state.Run(() =>
        {
            var service = Find(projectId, serviceId);
            if (service is null)
            {
                return Errors.NotFound("Service", serviceId);
            }

            var error = change(service);
            if (error is null)
            {
                services.Update(service);
            }

            return error;
        });
}
