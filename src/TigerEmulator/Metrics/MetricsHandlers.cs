using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;
using TigerEmulator.RealServers;
using TigerEmulator.Services;

namespace TigerEmulator.Metrics;

/// The preview metrics operations of the newer contract revision.
public static class MetricsHandlers
{
    private const string DefaultFunction = "LAST";

    public static Results<Ok<IReadOnlyList<string>>, ErrorResult> AvailableSeries(string project_id, string service_id, ServiceCatalog catalog)
    {
        var service = catalog.Find(project_id, service_id);
        return service is null
            ? Errors.NotFound("Service", service_id)
            : TypedResults.Ok<IReadOnlyList<string>>(MetricCatalog.For(service).Select(metric => metric.Name).ToList());
    }

    /// The body is checked before the service is looked up (a 404 only for a well-formed request); what depends on the
    /// metric (is it served here, does it take fn, are the filters' keys its labels) after. An unknown series is a 400,
    /// like any other bad field: the resource asked about, the service, exists.
    public static async Task<Results<Ok<IReadOnlyList<MetricSeriesBody>>, ErrorResult>> Series(
        string project_id, string service_id, HttpRequest request, ServiceCatalog catalog, EmulatorClock clock, EmulatorOptions options,
        [FromServices] ServerSamples samples, [FromServices] IServiceProvider provider)
    {
        var query = SeriesRequest.Parse(await JsonBody.ReadAsync(request));
        var service = catalog.Find(project_id, service_id);
        if (service is null)
        {
            return Errors.NotFound("Service", service_id);
        }

        if (MetricCatalog.Find(service, query.Name) is not { } metric)
        {
            return Errors.BadRequest($"'name' '{query.Name}' is not a metric series of this service; getServiceMetricsAvailableSeries lists them");
        }

        if (query.ProblemWith(metric) is { } problem)
        {
            return Errors.BadRequest(problem);
        }

        // Storage and connections come from a real server's own figures where there is one.
        var now = clock.UtcNow;
        var server = metric.ReadsServer && provider.GetService<IRealServers>() is { } servers
            ? await samples.ReadingsAsync(service.Id, now, servers, request.HttpContext.RequestAborted)
            : null;
        var builder = new SeriesBuilder(service, now, options.Seed, server);
        return TypedResults.Ok<IReadOnlyList<MetricSeriesBody>>(SeriesLabels.Select(metric, service, query.Filters)
            .Select(series => builder.Build(metric, series, query.Window, query.Function ?? DefaultFunction))
            .ToList());
    }
}
