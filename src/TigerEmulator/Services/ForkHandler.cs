using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Endpoints;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;
using TigerEmulator.Storage;

namespace TigerEmulator.Services;

/// A fork is a new service that inherits type, region and storage from its parent, with no HA replicas.
public static class ForkHandler
{
    public static async Task<Results<Accepted<ServiceBody>, ErrorResult>> Fork(
        string project_id, string service_id, HttpRequest request, ServiceCatalog catalog, IdGenerator ids, EmulatorClock clock, IEndpointAllocator endpoints)
    {
        var fork = ServiceRequests.ParseFork(await JsonBody.ReadAsync(request));

        // The parent is checked and the child stored in one step, so a parent being deleted meanwhile cannot be forked.
        return catalog.State.Run<Results<Accepted<ServiceBody>, ErrorResult>>(() =>
        {
            var parent = catalog.Find(project_id, service_id);
            if (parent is null)
            {
                return Errors.NotFound("service", service_id);
            }

            if (ResourceLifecycle.SourceRefusal(parent, ServiceLifecycle.Fork, "Service", "fork") is { } refusal)
            {
                return refusal;
            }

            var now = clock.UtcNow;
            if (fork.TargetTime is { } target && (target.UtcDateTime < parent.Created || target.UtcDateTime > now))
            {
                return Errors.BadRequest($"'target_time' must fall within the parent's lifetime, {parent.Created:O} to {now:O}");
            }

            var size = fork.Cpu is null && fork.Memory is null
                ? (parent.CpuMillis, parent.MemoryGbs)
                : ComputeSizes.Resolve(fork.Cpu, fork.Memory, allowShared: true);
            var password = ids.NewPassword();
            var child = ServiceHandlers.New(project_id, fork.Name ?? $"{parent.Name}-fork", ids, clock, endpoints, password) with
            {
                ServiceType = parent.ServiceType,
                RegionCode = parent.RegionCode,
                VolumeType = parent.VolumeType,
                CpuMillis = size.Item1,
                MemoryGbs = size.Item2,
                Environment = fork.Environment,
                ForkedFromProjectId = parent.ProjectId,
                ForkedFromServiceId = parent.Id,
                ForkStrategy = fork.Strategy,
                ForkTargetTime = fork.TargetTime?.UtcDateTime,
            };
            return catalog.Launch(child, ServiceLifecycle.Fork, password);
        });
    }
}
