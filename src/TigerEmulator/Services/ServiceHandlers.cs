using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Endpoints;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;
using TigerEmulator.Storage;

namespace TigerEmulator.Services;

/// List, read, create and delete services.
public static class ServiceHandlers
{
    public static Ok<IReadOnlyList<ServiceBody>> List(string project_id, ServiceCatalog catalog) =>
        TypedResults.Ok(catalog.List(project_id));

    public static Results<Ok<ServiceBody>, ErrorResult> Get(string project_id, string service_id, ServiceCatalog catalog) =>
        catalog.Find(project_id, service_id) is { } service
            ? TypedResults.Ok(catalog.Body(service))
            : Errors.NotFound("service", service_id);

    public static async Task<Accepted<ServiceBody>> Create(
        string project_id, HttpRequest request, ServiceCatalog catalog, IdGenerator ids, EmulatorClock clock, IEndpointAllocator endpoints)
    {
        var create = ServiceRequests.ParseCreate(await JsonBody.ReadAsync(request));
        var password = ids.NewPassword();
        var service = New(project_id, create.Name, ids, clock, endpoints, password) with
        {
            ServiceType = create.ServiceType,
            RegionCode = create.RegionCode,
            CpuMillis = create.CpuMillis,
            MemoryGbs = create.MemoryGbs,
            HaReplicaCount = create.ReplicaCount,
            Environment = create.Environment,
        };
        return catalog.Launch(service, ServiceLifecycle.Create, password);
    }

    /// Idempotent: deleting a service that is already being deleted is accepted again.
    public static Results<StatusCodeHttpResult, ErrorResult> Delete(string project_id, string service_id, ServiceCatalog catalog, ResourceLifecycle lifecycle)
    {
        var outcome = catalog.Change(project_id, service_id, service =>
            service.Status == ServiceStatus.Deleting ? service : lifecycle.Begin(service, ServiceLifecycle.Delete));
        return outcome.Error is { } error ? error : TypedResults.StatusCode(StatusCodes.Status202Accepted);
    }

    internal static ServiceDocument New(string projectId, string name, IdGenerator ids, EmulatorClock clock, IEndpointAllocator endpoints, string password)
    {
        var id = ids.NewId();
        var address = endpoints.Allocate(ServiceLifecycle.Kind, id, projectId);
        return new ServiceDocument
        {
            Id = id,
            ProjectId = projectId,
            Name = name,
            Created = clock.UtcNow,
            ResourceId = ids.NewId(),
            Host = address.Host,
            Port = address.Port,
            PasswordHash = HashPassword(password),
        };
    }

    internal static string HashPassword(string password) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
}
