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
            catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var error = ToError(exception);
                if (error.StatusCode >= 500)
                {
                    context.RequestServices.GetRequiredService<ILoggerFactory>()
                        .CreateLogger("TigerEmulator.Errors")
                        .LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
                }

                context.Response.Clear();
                await error.ExecuteAsync(context);
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

    private static ErrorResult ToError(Exception exception) => exception switch
    {
        TigerException tiger => tiger.Error,
        BadHttpRequestException bad => Errors.ForStatus(bad.StatusCode, bad.Message),
        _ => Errors.Internal("The emulator failed to handle this request; see its log"),
    };
}
