using Microsoft.AspNetCore.Http.Features;

namespace TigerEmulator.Http;

/// The one place where anything that escapes a handler becomes a Tiger error body.
public static class ErrorBoundary
{
    public static IApplicationBuilder UseTigerErrors(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception exception) when (CanAnswer(context))
            {
                await AnswerAsync(context, exception);
            }
        });

        // Routing answers unknown paths (404) and wrong methods (405) with an empty body; give them the Error shape.
        app.UseStatusCodePages(async statusContext =>
        {
            var context = statusContext.HttpContext;
            var message = context.Response.StatusCode switch
            {
                404 => $"No route matches {context.Request.Method} {context.Request.Path}",
                405 => $"Method {context.Request.Method} is not allowed on {context.Request.Path}",
                var status => $"Request failed with status {status}",
            };
            await Errors.ForStatus(context.Response.StatusCode, message).ExecuteAsync(context);
        });
        return app;
    }

    /// Whether an exception can still become an answer: nothing sent yet, and a client still there to hear it.
    public static bool CanAnswer(HttpContext context) => !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested;

    /// Answers an exception with its error body; a 500 is logged once, with its stack. The journal answers through here
    /// too when the request's body cannot be read, before the boundary's own place in the pipeline.
    public static Task AnswerAsync(HttpContext context, Exception exception)
    {
        var error = ToError(context, exception);
        if (error.StatusCode >= 500)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>()
                .CreateLogger("TigerEmulator.Errors")
                .LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        context.Response.Clear();
        return error.ExecuteAsync(context);
    }

    // Kestrel refuses a body it cannot read with its own status: too large (413), broken framing (400), too slow (408).
    // A body over the limit reads as the body reader words it, whichever of the two noticed first.
    private static ErrorResult ToError(HttpContext context, Exception exception) => exception switch
    {
        TigerException tiger => tiger.Error,
        BadHttpRequestException { StatusCode: 413 } when context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit =>
            Errors.PayloadTooLarge($"Request body exceeds {limit} bytes"),
        BadHttpRequestException bad => Errors.ForStatus(bad.StatusCode, bad.Message),
        _ => Errors.Internal("The emulator failed to handle this request; see its log"),
    };
}
