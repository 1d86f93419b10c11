using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;

namespace TigerEmulator.Admin;

/// Control of emulated time: read it, move it, switch between real-time and manual.
public static class ClockRoutes
{
    public static RouteGroupBuilder MapClock(this RouteGroupBuilder admin)
    {
        admin.MapGet("/clock", Get).WithName("getClock").WithSummary("Emulated time, clock mode, speed and timing profile.");
        admin.MapPut("/clock", Set).WithName("setClock").ProducesError(400, 413)
            .WithSummary("Changes any of mode (realtime|manual), speed (divides every duration) and profile (instant|fast|realistic).");
        admin.MapPost("/clock/advance", Advance).WithName("advanceClock").ProducesError(400, 413)
            .WithSummary("Moves emulated time by {\"seconds\": N}, lets held steps move once, and applies every transition that falls due, in order.");
        return admin;
    }

    private static Ok<ClockBody> Get(EmulatorClock clock, LifecycleTimings timings) => TypedResults.Ok(ClockBody.From(clock, timings, null));

    private static async Task<Ok<ClockBody>> Set(HttpRequest request, EmulatorClock clock, LifecycleTimings timings)
    {
        var body = await JsonBody.ReadAsync(request);
        var mode = body.OptionalEnum("mode", ["realtime", "manual"]);
        var profile = body.OptionalEnum("profile", TimingProfiles.Names);
        var speed = body.OptionalNumber("speed");
        if (speed is <= 0)
        {
            throw TigerException.Invalid($"'speed' must be above 0, not {speed}");
        }

        if (mode is not null)
        {
            clock.SetManual(mode == "manual");
        }

        timings.Profile = profile ?? timings.Profile;
        timings.Speed = speed ?? timings.Speed;
        return TypedResults.Ok(ClockBody.From(clock, timings, null));
    }

    private static async Task<Ok<ClockBody>> Advance(HttpRequest request, EmulatorClock clock, LifecycleTimings timings, LifecycleWorker worker)
    {
        var seconds = (await JsonBody.ReadAsync(request)).OptionalNumber("seconds")
            ?? throw TigerException.Invalid("'seconds' is required");
        if (seconds is < 0 or > 366 * 24 * 3600)
        {
            throw TigerException.Invalid($"'seconds' must be between 0 and one year, not {seconds}");
        }

        clock.Advance(TimeSpan.FromSeconds(seconds));
        var applied = await worker.ReleaseHeldAsync(request.HttpContext.RequestAborted);
        return TypedResults.Ok(ClockBody.From(clock, timings, applied));
    }
}

public sealed record ClockBody(DateTime Now, string Mode, double Speed, string Profile, int? TransitionsApplied)
{
    public static ClockBody From(EmulatorClock clock, LifecycleTimings timings, int? applied) =>
        new(clock.UtcNow, clock.IsManual ? "manual" : "realtime", timings.Speed, timings.Profile, applied);
}
