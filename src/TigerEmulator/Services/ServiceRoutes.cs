using TigerEmulator.Logs;
using TigerEmulator.Metrics;

namespace TigerEmulator.Services;

public static class ServiceRoutes
{
    public static IEndpointRouteBuilder MapServices(this IEndpointRouteBuilder project)
    {
        project.MapGet("/services", ServiceHandlers.List).WithName("getServices");
        project.MapPost("/services", ServiceHandlers.Create).WithName("createService");
        project.MapGet("/services/{service_id}", ServiceHandlers.Get).WithName("getService");
        project.MapDelete("/services/{service_id}", ServiceHandlers.Delete).WithName("deleteService");

        var service = project.MapGroup("/services/{service_id}");
        service.MapPost("/start", ServiceActionHandlers.Start).WithName("startService");
        service.MapPost("/stop", ServiceActionHandlers.Stop).WithName("stopService");
        service.MapPost("/resize", ServiceActionHandlers.Resize).WithName("resizeService");
        service.MapPost("/setHA", ServiceActionHandlers.SetHa).WithName("setHAReplica");
        service.MapPost("/enablePooler", ServiceActionHandlers.EnablePooler).WithName("enablePooler");
        service.MapPost("/disablePooler", ServiceActionHandlers.DisablePooler).WithName("disablePooler");
        service.MapPost("/setEnvironment", ServiceActionHandlers.SetEnvironment).WithName("setEnvironment");
        service.MapPost("/updatePassword", ServiceActionHandlers.UpdatePassword).WithName("updatePassword");
        service.MapPost("/rename", ServiceActionHandlers.Rename).WithName("renameService");
        service.MapPost("/forkService", ForkHandler.Fork).WithName("forkService");
        service.MapPost("/attachToVPC", VpcAttachmentHandlers.Attach).WithName("attachServiceToVPC");
        service.MapPost("/detachFromVPC", VpcAttachmentHandlers.Detach).WithName("detachServiceFromVPC");
        service.MapGet("/logs", LogHandlers.Get).WithName("getServiceLogs");
        service.MapGet("/metrics/available-series", MetricsHandlers.AvailableSeries).WithName("getServiceMetricsAvailableSeries");
        service.MapPost("/metrics/series", MetricsHandlers.Series).WithName("getServiceMetricsSeries");
        return project;
    }
}
