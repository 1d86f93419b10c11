using System.Text.Encodings.Web;
using System.Text.Json;

namespace TigerEmulator.Http;

internal static class ErrorWriter
{
    // Messages quote names ('name' is required): the default encoder would send every apostrophe as \u0027. An error
    // is JSON for an API client, never embedded in HTML, so the relaxed encoder is safe; errors are off the hot path.
    private static readonly JsonWriterOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, ErrorResult error)
    {
        context.Response.StatusCode = error.StatusCode;
        context.Response.ContentType = "application/json";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, Readable))
        {
            writer.WriteStartObject();
            writer.WriteString("code", error.Value.Code);
            writer.WriteString("message", error.Value.Message);
            writer.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
