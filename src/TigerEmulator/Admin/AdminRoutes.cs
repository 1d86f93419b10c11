using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Auth;
using TigerEmulator.Dashboard;
using TigerEmulator.Databases;
using TigerEmulator.Databases.Pooler;
using TigerEmulator.Faults;
using TigerEmulator.Http;
using TigerEmulator.Journal;
using TigerEmulator.Scenarios;
using TigerEmulator.Storage;

namespace TigerEmulator.Admin;

/// The emulator's own control API, under a prefix the Tiger contract never uses.
public static class AdminRoutes
{
    public const string Prefix = "/_emulator";
    public const string DocumentName = "emulator";

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(Prefix).WithGroupName(DocumentName).WithTags("Emulator").AddSharedFilter<AdminTokenFilter>()
            .AddSharedFilter<DurableAnswerFilter>();
        admin.MapGet("/health", Health).WithName("health").WithSummary("Answers 200 once the emulator can serve requests: version, uptime, storage (memory or file), databases (on or off).")
            .WithMetadata(OpenAdminRoute.Instance);
        admin.MapPost("/reset", Reset).WithName("reset")
            .WithSummary("Returns to the initial state of the loaded scenario; the clock keeps its time.");
        admin.MapClock();
        admin.MapTransitions();
        admin.MapScenario();
        admin.MapFaults();
        admin.MapJournal();
        admin.MapTokens();
        admin.MapDashboard();
        admin.MapDatabases();

        // The admin token filter can refuse every route but the open ones; Finally sees each route's own metadata.
        ((IEndpointConventionBuilder)admin).Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<OpenAdminRoute>().Any())
            {
                endpoint.ProducesError(401);
            }
        });
        return app;
    }

    private static async Task<NoContent> Reset(EmulatorReset reset, HttpContext context)
    {
        await reset.ResetAsync(context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static Ok<HealthBody> Health(EmulatorDatabase database, EmulatorStart start, DatabaseStatus databases, PoolerStatus pooler) =>
        TypedResults.Ok(new HealthBody("ok", EmulatorVersion.Text, Math.Round(start.Uptime.TotalSeconds, 3), database.IsDurable ? "file" : "memory", databases.Enabled, pooler.Enabled));
}

/// Databases: whether real PostgreSQL servers stand behind services (TIGER_EMULATOR_DATABASES and the binaries found);
/// pooler: whether enablePooler starts a real PgBouncer in front of them.
public sealed record HealthBody(string Status, string Version, double UptimeSeconds, string Storage, bool Databases, bool Pooler);
