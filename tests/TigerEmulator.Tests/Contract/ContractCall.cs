using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace TigerEmulator.Tests.Contract;

/// One HTTP call of a contract operation: the ids that fill its path, its query and its JSON body.
/// The bad-input cases derive their calls from a valid one with `with` and the helpers below.
public sealed record ContractCall(ContractOperation Operation, IReadOnlyDictionary<string, string> Ids)
{
    public HttpMethod Method { get; init; } = Operation.Method;

    public JsonNode? Body { get; init; }

    /// Raw content sent instead of <see cref="Body"/>: broken JSON, other media types, nothing at all.
    public Func<HttpContent?>? RawContent { get; init; }

    /// Each name with its values in order: a repeated parameter (form, explode: ?search=a&search=b) has several.
    public IReadOnlyDictionary<string, string[]> Query { get; init; } = new Dictionary<string, string[]>();

    /// Sent verbatim, unchecked by the client; null sends no Authorization header at all.
    public string? Authorization { get; init; } = AuthCases.DefaultAuthorization;

    public string Path => Operation.PathWith(Ids) + QueryString();

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(Method, Path)
        {
            Content = RawContent is not null ? RawContent()
                : Body is not null ? new StringContent(Body.ToJsonString(), Encoding.UTF8, "application/json")
                : null,
        };
        if (Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        }

        return request;
    }

    public ContractCall WithId(string name, string value) =>
        this with { Ids = new Dictionary<string, string>(Ids) { [name] = value } };

    public ContractCall WithQuery(string name, params string[] values) =>
        this with { Query = new Dictionary<string, string[]>(Query) { [name] = values } };

    /// A copy whose body object was changed by <paramref name="change"/>; the original stays as it was.
    public ContractCall WithBody(Action<JsonObject> change)
    {
        var body = Body?.DeepClone().AsObject() ?? throw new InvalidOperationException($"{Operation} has no JSON object body to change");
        change(body);
        return this with { Body = body };
    }

    public ContractCall WithRaw(string text, string? mediaType = "application/json") => this with
    {
        RawContent = () =>
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
            content.Headers.ContentType = mediaType is null ? null : MediaTypeHeaderValue.Parse(mediaType);
            return content;
        },
    };

    public ContractCall WithRaw(byte[] bytes, string mediaType = "application/json") => this with
    {
        RawContent = () => new ByteArrayContent(bytes) { Headers = { ContentType = MediaTypeHeaderValue.Parse(mediaType) } },
    };

    public override string ToString() => $"{Method} {Path}";

    private string QueryString() =>
        Query.Count == 0 ? "" : "?" + string.Join("&", Query.SelectMany(q => q.Value.Select(value => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(value)}")));
}
