using System.Text.Json;
using System.Text.Json.Nodes;

namespace TigerEmulator.Tests.Contract;

/// The contract's Error body as a client reads it off a refused call.
public sealed record TigerErrorBody(int Status, string Code, string Message)
{
    /// Asserts what every refusal owes a client: a 4xx, a JSON content type, and exactly {code, message},
    /// both non-empty strings.
    public static async Task<TigerErrorBody> ReadAsync(HttpResponseMessage response, string context)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var seen = $"{context} answered {status} {response.Content.Headers.ContentType} {text}";
        Assert.True(status is >= 400 and < 500, $"expected a 4xx: {seen}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"expected application/json: {seen}");

        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException exception)
        {
            throw new Xunit.Sdk.XunitException($"expected an Error object ({exception.Message}): {seen}");
        }

        Assert.True(body.Select(p => p.Key).Order().SequenceEqual(["code", "message"]), $"expected exactly code and message: {seen}");
        var code = body["code"] is JsonValue c && c.TryGetValue<string>(out var codeText) ? codeText : null;
        var message = body["message"] is JsonValue m && m.TryGetValue<string>(out var messageText) ? messageText : null;
        Assert.False(string.IsNullOrWhiteSpace(code), $"expected a non-empty string code: {seen}");
        Assert.False(string.IsNullOrWhiteSpace(message), $"expected a non-empty string message: {seen}");
        return new TigerErrorBody(status, code!, message!);
    }
}
