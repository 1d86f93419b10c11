using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;

namespace TigerEmulator.Admin;

/// The transition table as data: read it with effective durations, and override or hold an action's steps.
public static class TransitionRoutes
{
    public static RouteGroupBuilder MapTransitions(this RouteGroupBuilder admin)
    {
        admin.MapGet("/transitions", List).WithName("getTransitions")
            .WithSummary("Every row of the transition table with the duration each step takes now.");
        admin.MapPut("/transitions/{kind}/{action}", Override).WithName("overrideTransition").ProducesError(400, 404, 413)
            .WithSummary("Sets {\"seconds\": N} per step for one action, or {\"manual\": true} to hold it until the clock is advanced.");
        admin.MapDelete("/transitions", Clear).WithName("clearTransitionOverrides")
            .WithSummary("Removes every override: the timing profile decides again.");
        return admin;
    }

    private static Ok<List<TransitionBody>> List(TransitionTable table, LifecycleTimings timings) =>
        TypedResults.Ok(table.All.Select(action => TransitionBody.From(action, timings)).ToList());

    private static async Task<Results<Ok<TransitionBody>, ErrorResult>> Override(string kind, string action, HttpRequest request, TransitionTable table, LifecycleTimings timings)
    {
        var row = table.Find(kind, action);
        if (row is null)
        {
            return Errors.NotFound($"No transition '{kind}/{action}'; GET /_emulator/transitions lists them");
        }

        var body = await JsonBody.ReadAsync(request);
        var seconds = body.OptionalNumber("seconds");
        var manual = body.OptionalBool("manual") ?? false;
        if (manual == seconds.HasValue)
        {
            throw TigerException.Invalid("Give exactly one of 'seconds' (per step) or 'manual': true");
        }

        if (seconds is < 0 or > 366 * 24 * 3600)
        {
            throw TigerException.Invalid($"'seconds' must be between 0 and one year, not {seconds}");
        }

        timings.Override(row, manual ? LifecycleTimings.Held : TimeSpan.FromSeconds(seconds!.Value));
        return TypedResults.Ok(TransitionBody.From(row, timings));
    }

    private static NoContent Clear(LifecycleTimings timings)
    {
        timings.ClearOverrides();
        return TypedResults.NoContent();
    }
}

public sealed record TransitionBody(string Kind, string Action, IReadOnlyList<string>? AllowedFrom, IReadOnlyList<StepBody> Steps, string Final, bool Overridden)
{
    public static TransitionBody From(LifecycleAction action, LifecycleTimings timings) => new(
        action.Kind,
        action.Name,
        action.AllowedFrom?.Order().ToList(),
        action.Steps.Select((step, index) => StepBody.From(step.Status, timings.StepDuration(action, index))).ToList(),
        action.FinalStatus ?? "gone",
        timings.Overrides.ContainsKey((action.Kind, action.Name)));
}

public sealed record StepBody(string Status, double? Seconds, bool Manual)
{
    public static StepBody From(string status, TimeSpan duration) =>
        duration == LifecycleTimings.Held ? new(status, null, true) : new(status, duration.TotalSeconds, false);
}
