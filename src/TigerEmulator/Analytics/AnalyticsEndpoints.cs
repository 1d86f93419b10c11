using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Reading;

namespace TigerEmulator.Analytics;

/// The CLI reports usage here; the emulator checks the body and keeps nothing.
public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalytics(this IEndpointRouteBuilder api)
    {
        api.MapPost("/analytics/identify", Identify).WithName("identifyUser");
        api.MapPost("/analytics/track", Track).WithName("trackEvent");
        return api;
    }

    private static async Task<Ok<AnalyticsBody>> Identify(HttpRequest request)
    {
        var body = await JsonBody.ReadAsync(request);
        body.OptionalObject("properties");
        return TypedResults.Ok(new AnalyticsBody("success"));
    }

    private static async Task<Ok<AnalyticsBody>> Track(HttpRequest request)
    {
        var body = await JsonBody.ReadAsync(request);
        body.RequiredString("event");
        body.OptionalObject("properties");
        return TypedResults.Ok(new AnalyticsBody("success"));
    }
}

public sealed record AnalyticsBody(string Status);
