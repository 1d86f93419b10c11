namespace TigerEmulator.Tests.Contract;

/// What a refused call must answer. Null parts are not checked: any 4xx Error body will do.
public sealed record ExpectedError(int? Status, string? Code, string? MessagePart)
{
    public static ExpectedError AnyClientError { get; } = new(null, null, null);

    public static ExpectedError Invalid(string? namedInMessage = null) => new(400, "INVALID_REQUEST", namedInMessage);

    public static ExpectedError NotFound(string id) => new(404, "NOT_FOUND", id);

    public static ExpectedError Conflict(string namedInMessage) => new(409, "CONFLICT", namedInMessage);

    public static ExpectedError MethodNotAllowed { get; } = new(405, "METHOD_NOT_ALLOWED", null);

    public static ExpectedError TooLarge { get; } = new(413, "PAYLOAD_TOO_LARGE", null);

    public void AssertMatches(TigerErrorBody error, string context)
    {
        var seen = $"{context} answered {error}";
        Assert.True(Status is null || Status == error.Status, $"expected {Status}: {seen}");
        Assert.True(Code is null || Code == error.Code, $"expected code {Code}: {seen}");
        Assert.True(MessagePart is null || error.Message.Contains(MessagePart, StringComparison.Ordinal), $"expected the message to name '{MessagePart}': {seen}");
    }

    public override string ToString() => $"{Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "4xx"} {Code} '{MessagePart}'";
}
