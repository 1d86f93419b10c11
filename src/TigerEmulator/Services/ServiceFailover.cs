using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Storage;

namespace TigerEmulator.Services;

/// Starts a service's failover, from wherever it is asked for (the control API, a `failover` fault rule, the crash
/// watch): the service enters the failover row's first step, which the database listener holds while it kills the
/// primary and promotes an HA standby.
public static class ServiceFailover
{
    /// The stored service on the failover's first step, or the error that says why not: 404 for an unknown service,
    /// 400 when it is not READY or has no HA replica to promote.
    public static Checked<ServiceDocument> Begin(string serviceId, IStore<ServiceDocument> services, ResourceLifecycle lifecycle, StateLock state) =>
        state.Run(() =>
        {
            if (services.Get(serviceId) is not { } service)
            {
                return Errors.NotFound("service", serviceId);
            }

            if (lifecycle.Refusal(service, ServiceLifecycle.Failover, "Service") is { } refusal)
            {
                return refusal;
            }

            if (service.HaReplicaCount == 0)
            {
                return Errors.BadRequest($"Service '{service.Id}' has no HA replica to fail over to; add one with setHA");
            }

            var failing = lifecycle.Begin(service, ServiceLifecycle.Failover);
            services.Update(failing);
            return (Checked<ServiceDocument>)failing;
        });
}
