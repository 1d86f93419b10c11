using Microsoft.OpenApi;

namespace TigerEmulator.Tests.Contract;

/// One method on one path of one revision of the contract, with the parts of it the tests need.
public sealed record ContractOperation(string PathTemplate, HttpMethod Method, OpenApiOperation Operation, OpenApiContract Revision)
{
    public string OperationId => Operation.OperationId ?? throw new InvalidOperationException($"{Method} {PathTemplate} has no operationId");

    /// The contract documents exactly one 2xx answer per operation; anything else is a contract the tests do not understand.
    public int SuccessStatus => int.Parse(
        Operation.Responses!.Keys.Single(key => key.StartsWith('2')),
        System.Globalization.CultureInfo.InvariantCulture);

    /// Null when the success answer has no body (204, and the 202s of the deletes).
    public IOpenApiSchema? SuccessSchema =>
        Operation.Responses![SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)].Content is { } content
        && content.TryGetValue("application/json", out var media) ? media.Schema : null;

    public IOpenApiSchema? RequestSchema =>
        Operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media) ? media.Schema : null;

    /// A body the client may leave out altogether (logout's), rather than one it must send.
    public bool RequestBodyIsOptional => Operation.RequestBody is { Required: false };

    public IEnumerable<IOpenApiParameter> Parameters(ParameterLocation location) =>
        (Operation.Parameters ?? []).Where(parameter => parameter.In == location);

    public IReadOnlyList<string> PathParameterNames => Parameters(ParameterLocation.Path).Select(p => p.Name!).ToList();

    /// The example the contract gives for a path parameter.
    public string ExampleId(string name) =>
        (string?)ExampleBody.ExampleOf(Parameters(ParameterLocation.Path).Single(p => p.Name == name).Schema!)
        ?? throw new InvalidOperationException($"{this}: path parameter '{name}' has no example");

    public bool IsProjectScoped => PathParameterNames.Contains("project_id");

    /// The path under the API prefix with every {parameter} replaced from the given ids.
    public string PathWith(IReadOnlyDictionary<string, string> ids)
    {
        var path = PathTemplate;
        foreach (var name in PathParameterNames)
        {
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(ids[name]), StringComparison.Ordinal);
        }

        return Support.Api.Prefix + path;
    }

    public override string ToString() => OperationId;
}
