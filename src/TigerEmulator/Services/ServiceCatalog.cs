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

    /// The service as stored, shared with every reader: a change is a new record stored through <see cref="Change"/>.
    public ServiceDocument? Find(string projectId, string serviceId) =>
        services.Get(serviceId) is { } service && service.ProjectId == projectId ? service : null;

    public ServiceBody Body(ServiceDocument service, string? initialPassword = null) =>
        ServiceBody.From(service, ReplicaSetsOf(service.Id), initialPassword);

    public IReadOnlyList<ServiceBody> List(string projectId) =>
        services.List(s => s.ProjectId == projectId)
            .OrderBy(s => s.Created).ThenBy(s => s.Id)
            .Select(s => ServiceBody.From(s, ReplicaSetsOf(s.Id)))
            .ToList();

    /// A service's replica sets, oldest first, whatever order the store found them in.
    public IEnumerable<ReplicaSetDocument> ReplicaSetsOf(string serviceId)
    {
        var sets = replicaSets.OwnedBy(serviceId);
        return sets.Count < 2 ? sets : sets.OrderBy(r => r.Created).ThenBy(r => r.Id);
    }

    /// Stores a new service at the first step of its create or fork, and answers with its one-time password, which the
    /// lifecycle's listeners receive once (a real server needs it) and nothing stores.
    public Accepted<ServiceBody> Launch(ServiceDocument service, LifecycleAction action, string initialPassword) =>
        state.Run(() =>
        {
            var begun = lifecycle.Begin(service, action, new Secret(initialPassword));
            services.Insert(begun);
            return TypedResults.Accepted((string?)null, Body(begun, initialPassword));
        });

    /// Starts an asynchronous action: 404 for an unknown service, 409 when its status forbids the action.
    public Results<Accepted<ServiceBody>, ErrorResult> Begin(
        string projectId, string serviceId, LifecycleAction action, Func<ServiceDocument, ServiceDocument>? change = null)
    {
        var outcome = Change(projectId, serviceId, service => TryBegin(service, action, change));
        return outcome.Error is { } error ? error : TypedResults.Accepted((string?)null, Body(outcome.Document!));
    }

    /// For use inside <see cref="Change"/>: refuses with 409 when the status forbids the action, else changes and begins it.
    public Checked<ServiceDocument> TryBegin(ServiceDocument service, LifecycleAction action, Func<ServiceDocument, ServiceDocument>? change = null)
    {
        if (lifecycle.Refusal(service, action, "Service") is { } refusal)
        {
            return refusal;
        }

        return lifecycle.Begin(change is null ? service : change(service), action);
    }

    /// Applies a check-and-change atomically and stores the changed service; the change returns an error to refuse.
    public Checked<ServiceDocument> Change(string projectId, string serviceId, Func<ServiceDocument, Checked<ServiceDocument>> change) =>
        state.Run(() =>
        {
            if (Find(projectId, serviceId) is not { } service)
            {
                return Errors.NotFound("service", serviceId);
            }

            var outcome = change(service);
            if (outcome.Document is { } changed)
            {
                services.Update(changed);
            }

            return outcome;
        });
}
