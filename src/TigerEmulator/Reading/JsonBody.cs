using System.Text.Json;
using System.Text.Unicode;
using TigerEmulator.Http;

namespace TigerEmulator.Reading;

/// Reads a request body as a JSON object, refusing anything else with a 4xx that says what was wrong. Its fields are
/// read through the same <see cref="MapReader"/> as scenario files, so one rule gives one answer on both paths.
public static class JsonBody
{
    public const int MaxBytes = 1024 * 1024;

    public static async Task<MapReader> ReadAsync(HttpRequest request) =>
        await ReadOptionalAsync(request) ?? throw TigerException.Invalid("Request body is required");

    /// For an operation whose body the contract marks optional: null when there is none, else read as above.
    public static async Task<MapReader?> ReadOptionalAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new TigerException(Errors.PayloadTooLarge($"Request body exceeds {MaxBytes} bytes"));
        }

        var bytes = await ReadLimitedAsync(request);
        if (bytes.Length == 0)
        {
            return null;
        }

        if (!IsJson(request.ContentType))
        {
            throw TigerException.Invalid($"Content-Type must be application/json, not '{request.ContentType ?? "(none)"}'");
        }

        return Parse(bytes);
    }

    /// The fields of a JSON object; the last of a repeated key wins, as in the parsers of the real API.
    public static MapReader Parse(byte[] bytes)
    {
        // JSON text is UTF-8; the parser checks string contents only when they are read, which would fail later as a 500.
        if (!Utf8.IsValid(bytes))
        {
            throw TigerException.Invalid("Request body is not valid UTF-8");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw TigerException.Invalid("Request body must be a JSON object");
            }

            return new MapReader(JsonDocumentNodes.From(document.RootElement, Root, source: null, lastKeyWins: true), source: null);
        }
        catch (JsonException exception)
        {
            throw TigerException.Invalid($"Request body is not valid JSON: {exception.Message}");
        }
    }

    private static readonly NodePlace Root = new("");

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    // Chunked bodies carry no length up front, so the limit is enforced while reading.
    private static async Task<byte[]> ReadLimitedAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        try
        {
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw new TigerException(Errors.PayloadTooLarge($"Request body exceeds {MaxBytes} bytes"));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException exception) when (exception is not BadHttpRequestException)
        {
            throw TigerException.UnreadableBody(exception);
        }

        return buffer.ToArray();
    }
}
