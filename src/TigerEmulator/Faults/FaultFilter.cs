using TigerEmulator.Http;
using TigerEmulator.Lifecycle;
using TigerEmulator.Services;
using TigerEmulator.Storage;

namespace TigerEmulator.Faults;

/// Sits on the contract's route group, once, and applies what the fault engine decides to each request.
public sealed class FaultFilter(FaultEngine engine) : IEndpointFilter
{
    /// The ids of the rules that fired on a request, for the journal.
    public const string FiredItemKey = "tiger.faults";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        engine.IsEmpty ? next(context) : ApplyAsync(context, next);

    private async ValueTask<object?> ApplyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var decision = engine.DecideRequest(FaultTargets.Of(http));
        if (decision.Fired.Count == 0)
        {
            return await next(context);
        }

        http.Items[FiredItemKey] = decision.Fired;
        foreach (var serviceId in decision.FailOver)
        {
            // A service that cannot fail over (not READY, no HA replica, unknown) is left as it is.
            ServiceFailover.Begin(
                serviceId, http.RequestServices.GetRequiredService<IStore<ServiceDocument>>(), http.RequestServices.GetRequiredService<ResourceLifecycle>(), http.RequestServices.GetRequiredService<StateLock>());
        }

        if (decision.Delay > TimeSpan.Zero && !await ConnectionFaults.WaitAsync(http, decision.Delay))
        {
            return Results.Empty;
        }

        return decision.Terminal switch
        {
            ErrorEffect error => Respond(http, error, decision.TerminalRule!),
            DropEffect => ConnectionFaults.Drop(http),
            HangEffect hang => await ConnectionFaults.HangAsync(http, hang.Bound),
            TruncateEffect => await ConnectionFaults.TruncateAsync(http, await next(context)),
            _ => await next(context),
        };
    }

    private static ErrorResult Respond(HttpContext http, ErrorEffect error, string ruleId)
    {
        if (error.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var message = error.Message ?? $"{Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(error.Status)} (fault rule '{ruleId}')";
        return Errors.Injected(error.Status, error.Code, message);
    }
}
