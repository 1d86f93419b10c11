using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.RealServers;
using TigerEmulator.Services;

namespace TigerEmulator.Logs;

public static class LogHandlers
{
    /// Newest first, at most 500 a page, with a cursor exactly when older entries remain in the window; with filters,
    /// while older matches may remain (see FilteredScan).
    public static Results<Ok<ServiceLogsBody>, ErrorResult> Get(
        string project_id, string service_id, HttpRequest request, ServiceCatalog catalog, EmulatorClock clock,
        LogKnobs knobs, IOptionsMonitor<LogSettings> configured, ServerLogBooks books, IServiceProvider provider)
    {
        var query = LogQuery.Parse(request.Query);
        var service = catalog.Find(project_id, service_id);
        if (service is null)
        {
            return Errors.NotFound("service", service_id);
        }

        // A node with a real server (services have them when databases are on) shows that server's log from its start.
        var now = clock.UtcNow;
        var server = provider.GetService<IRealServers>()?.LogOf(service.Id, query.Node) is { } place ? books.Read(place, service, now) : null;
        var settings = knobs.Apply(configured.CurrentValue);
        return TypedResults.Ok(LogPage.Read(service, query, now, settings, server));
    }
}
