namespace TigerEmulator.Tests.Contract;

/// What a refused call must answer. Null parts are not checked: any 4xx Error body will do.
public sealed record ExpectedError(int? Status, string? Code, string? MessagePart)
{
    /// Other words the message may name instead of <see cref="MessagePart"/>: a clash between two fields names either.
    public IReadOnlyList<string> OrMessageParts { get; init; } = [];

    public static ExpectedError AnyClientError { get; } = new(null, null, null);

    public static ExpectedError Invalid(string? namedInMessage = null) => new(400, "INVALID_REQUEST", namedInMessage);

    /// A 400 whose message names at least one of <paramref name="names"/>.
    public static ExpectedError InvalidNamingAny(params string[] names) => new(400, "INVALID_REQUEST", names[0]) { OrMessageParts = names[1..] };

    public static ExpectedError NotFound(string id) => new(404, "NOT_FOUND", id);

    public static ExpectedError Conflict(string namedInMessage) => new(409, "CONFLICT", namedInMessage);

    public static ExpectedError MethodNotAllowed { get; } = new(405, "METHOD_NOT_ALLOWED", null);

    public static ExpectedError TooLarge { get; } = new(413, "PAYLOAD_TOO_LARGE", null);

    public void AssertMatches(TigerErrorBody error, string context)
    {
        var seen = $"{context} answered {error}";
        Assert.True(Status is null || Status == error.Status, $"expected {Status}: {seen}");
        Assert.True(Code is null || Code == error.Code, $"expected code {Code}: {seen}");
        List<string> parts = MessagePart is null ? [] : [MessagePart, .. OrMessageParts];
        Assert.True(parts.Count == 0 || parts.Any(part => error.Message.Contains(part, StringComparison.Ordinal)), $"expected the message to name '{string.Join("' or '", parts)}': {seen}");
    }

    public override string ToString() => $"{Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "4xx"} {Code} '{string.Join("' or '", OrMessageParts.Prepend(MessagePart))}'";
}
