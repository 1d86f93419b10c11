using System.Text;
using System.Text.Json.Nodes;

namespace TigerEmulator.Tests.Contract;

/// Bodies that are not a JSON object of at most 1 MiB sent as application/json, for any operation that takes one.
public static class BodyShapeCases
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static IEnumerable<BadInputCase> For(ContractOperation operation)
    {
        var id = operation.OperationId;
        BadInputCase Raw(string what, Func<ContractCall, string> text, string? mediaType = "application/json") =>
            BadInputCase.Of(id, what, call => call.WithRaw(text(call), mediaType), ExpectedError.Invalid());

        yield return Raw("JSON cut short", call => Json(call)[..^1]);
        yield return Raw("JSON with trailing garbage", call => Json(call) + "}");
        yield return Raw("JSON with a comment", call => "/* note */" + Json(call));
        // With a field of its own, so that an empty valid body ({}, logout's) still has quotes to spoil.
        yield return Raw("single-quoted pseudo-JSON", call => Json(call.WithBody(body => body["note"] = "x")).Replace('"', '\''));
        yield return Raw("whitespace only", _ => "   \n ");
        yield return Raw("an empty JSON array", _ => "[]");
        yield return Raw("the valid body wrapped in an array", call => $"[{Json(call)}]");
        yield return Raw("a JSON string", _ => "\"text\"");
        yield return Raw("a JSON number", _ => "42");
        yield return Raw("JSON true", _ => "true");
        yield return Raw("JSON null", _ => "null");
        yield return Raw("nesting deeper than 64 levels", _ => "{\"deep\":" + new string('[', 100) + new string(']', 100) + "}");
        yield return BadInputCase.Of(id, "invalid UTF-8 in a field it ignores", call => call.WithRaw(WithInvalidUtf8(call)), ExpectedError.Invalid());
        if (!operation.RequestBodyIsOptional)
        {
            // A body the contract lets the client leave out (logout's) is no error when absent: ContractOperationTests.
            yield return Raw("an empty body", _ => "");
            yield return BadInputCase.Of(id, "no body at all", call => call with { RawContent = () => null }, ExpectedError.Invalid());
        }

        // 400 or 415 are both honest answers to the wrong media type; the contract only promises a 4xx Error.
        yield return BadInputCase.Of(id, "valid JSON sent as text/plain", call => call.WithRaw(Json(call), "text/plain"), ExpectedError.AnyClientError);
        yield return BadInputCase.Of(id, "valid JSON without a Content-Type", call => call.WithRaw(Json(call), null), ExpectedError.AnyClientError);
        yield return BadInputCase.Of(id, "a form post", call => call.WithRaw("name=x", "application/x-www-form-urlencoded"), ExpectedError.AnyClientError);
        yield return BadInputCase.Of(id, "XML", call => call.WithRaw("<name>x</name>", "application/xml"), ExpectedError.AnyClientError);

        yield return BadInputCase.Of(id, "over 1 MiB with a Content-Length", call => call.WithRaw(Oversized(call)), ExpectedError.TooLarge);
        yield return BadInputCase.Of(id, "over 1 MiB streamed without a Content-Length", call => call with
        {
            RawContent = () => new StreamContent(new UnsizedStream(Oversized(call))) { Headers = { ContentType = new("application/json") } },
        }, ExpectedError.TooLarge);
    }

    private static string Json(ContractCall call) => call.Body!.ToJsonString();

    /// The valid body plus one unknown field whose bytes are no UTF-8: the JSON text as a whole is invalid.
    private static byte[] WithInvalidUtf8(ContractCall call)
    {
        const string Marker = "INVALID-UTF8-HERE";
        var text = call.WithBody(body => body["note"] = Marker).Body!.ToJsonString();
        var at = text.IndexOf(Marker, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(text[..at]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(text[(at + Marker.Length)..])];
    }

    /// The valid body plus one padding field, so that size is the only thing wrong with it.
    private static byte[] Oversized(ContractCall call)
    {
        var body = call.Body!.DeepClone().AsObject();
        body["padding"] = new string('x', MaxBodyBytes);
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }
}
