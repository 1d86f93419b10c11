using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Admin;
using TigerEmulator.Auth;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Storage;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Dashboard;

/// The dashboard: one page with its script inline, served from the assembly (no build step, nothing from a CDN), and
/// the snapshot of resources it polls. The page itself is open, as it holds no data; everything it reads goes through
/// the control API, so with an admin token set the page asks for it and sends it on every call.
public static class DashboardRoutes
{
    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(DashboardRoutes).Assembly.GetManifestResourceStream("dashboard.html")!;
        return new StreamReader(stream).ReadToEnd();
    });

    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder admin)
    {
        admin.MapGet("/ui", Show).WithName("dashboard").WithSummary("The dashboard: resources, journal, faults, clock and transitions, live.")
            .WithMetadata(OpenAdminRoute.Instance).ExcludeFromDescription();
        admin.MapGet("/resources", Resources).WithName("getResources")
            .WithSummary("Every project with its services (and their read replica sets), VPCs and peerings, in the contract's shapes.");
        return admin;
    }

    private static ContentHttpResult Show() => TypedResults.Content(Page.Value, "text/html; charset=utf-8");

    private static Ok<ResourceSnapshot> Resources(
        IStore<ProjectDocument> projects, IStore<ServiceDocument> services, IStore<ReplicaSetDocument> replicaSets, IStore<VpcDocument> vpcs, IStore<PeeringDocument> peerings) =>
        TypedResults.Ok(ResourceSnapshot.Read(projects, services, replicaSets, vpcs, peerings));
}
