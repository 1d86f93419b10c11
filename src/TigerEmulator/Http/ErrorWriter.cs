using System.Text.Json;

namespace TigerEmulator.Http;

internal static class ErrorWriter
{
    public static Task WriteAsync(HttpContext context, ErrorResult error)
    {
        context.Response.StatusCode = error.StatusCode;
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>();
        return context.Response.WriteAsJsonAsync(error.Value, options.Value.SerializerOptions, contentType: "application/json");
    }
}
