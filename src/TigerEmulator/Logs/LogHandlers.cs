using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Services;

namespace TigerEmulator.Logs;

public static class LogHandlers
{
    /// Newest first, at most 500 a page, with a cursor exactly when older entries remain in the window.
    public static Results<Ok<ServiceLogsBody>, ErrorResult> Get(
        string project_id, string service_id, HttpRequest request, ServiceCatalog catalog, EmulatorClock clock)
    {
        var query = LogQuery.Parse(request.Query);
        var service = catalog.Find(project_id, service_id);
        if (service is null)
        {
            return Errors.NotFound("Service", service_id);
        }

        // This handler's parameters are fixed by the route table, so the scenario's settings come from the request's services.
        var services = request.HttpContext.RequestServices;
        var settings = services.GetRequiredService<LogKnobs>().Apply(services.GetRequiredService<IOptionsMonitor<LogSettings>>().CurrentValue);
        return TypedResults.Ok(LogPage.Read(service, query, clock.UtcNow, settings));
    }
}
