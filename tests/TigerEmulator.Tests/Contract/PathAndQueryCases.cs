using Microsoft.OpenApi;

namespace TigerEmulator.Tests.Contract;

/// Ids that name nothing (404 naming the id), query parameters of the wrong type (400 naming the parameter),
/// and methods a documented path does not offer (405).
public static class PathAndQueryCases
{
    public const string UnknownId = "zzzzzzzzzz";

    public static readonly HttpMethod[] Methods = [HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete];

    /// The project is left out: a foreign project is a 403, which the auth tests cover.
    public static IEnumerable<BadInputCase> UnknownIds(ContractOperation operation) =>
        operation.PathParameterNames
            .Where(name => name != "project_id")
            .Select(name => BadInputCase.Of(operation.OperationId, $"unknown {name}", call => call.WithId(name, UnknownId), ExpectedError.NotFound(UnknownId)));

    /// Values of the wrong type, and values past the schema's limits: a minimum, or a repeated parameter's item that
    /// is empty or whitespace (minLength 1, pattern \S), alone or beside a good one.
    public static IEnumerable<BadInputCase> WrongQueryTypes(ContractOperation operation)
    {
        foreach (var parameter in operation.Parameters(ParameterLocation.Query))
        {
            var name = parameter.Name!;
            var wrong = parameter.Schema switch
            {
                { Type: JsonSchemaType.Integer } => new[] { "abc", "1.5", "99999999999" },
                { Format: "date-time" } => [.. FieldCases.NotRfc3339.Select(time => time.Value), "2024-13-45T25:00:00Z"],
                _ => [],
            };
            var beyond = ConstraintCases.BeyondLimits(parameter.Schema!, required: false).Select(limit => limit.Value.ToString());
            foreach (var value in wrong.Concat(beyond))
            {
                yield return BadInputCase.Of(operation.OperationId, $"query {name}={value}", call => call.WithQuery(name, value), ExpectedError.Invalid(name));
            }

            if (parameter.Schema is { Type: JsonSchemaType.Array, Items: { } items })
            {
                foreach (var value in ConstraintCases.BeyondLimits(items, required: false).Select(limit => limit.Value.ToString()))
                {
                    yield return BadInputCase.Of(operation.OperationId, $"query {name}={value}", call => call.WithQuery(name, value), ExpectedError.Invalid(name));
                    yield return BadInputCase.Of(operation.OperationId, $"query {name}=ERROR&{name}={value}", call => call.WithQuery(name, "ERROR", value), ExpectedError.Invalid(name));
                }
            }
        }
    }

    public static IEnumerable<BadInputCase> WrongMethods() =>
        from path in OpenApiContract.AllOperations.GroupBy(operation => operation.PathTemplate)
        from method in Methods.Where(method => path.All(operation => operation.Method != method))
        // Named after the operations of the path too, so that a path a pending operation adds is seen to wait for it.
        select new BadInputCase(
            $"{string.Join("+", path.Select(operation => operation.OperationId).Order(StringComparer.Ordinal))}: {method} {path.Key}",
            path.First().OperationId,
            (_, call) => Task.FromResult(call with { Method = method, Body = null }),
            ExpectedError.MethodNotAllowed,
            Seeded: false)
        {
            // RFC 9110 asks a 405 to list what the resource does allow: exactly the contract's methods.
            AlsoAssert = response => Assert.Equal(
                path.Select(operation => operation.Method.Method).Order(),
                response.Content.Headers.Allow.Order()),
        };
}
