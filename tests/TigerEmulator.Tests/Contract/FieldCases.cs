using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace TigerEmulator.Tests.Contract;

/// For each field of an operation's request schema: required fields dropped, nulled or emptied, every wrong JSON
/// type, bad enum values, fractions for integers, lone surrogates in strings and times that are not RFC 3339.
/// Each must be a 400 whose message names the field.
public static class FieldCases
{
    /// Times a lenient parser reads but RFC 3339, the contract's date-time, does not allow.
    public static readonly (string Label, string Value)[] NotRfc3339 =
    [
        ("a time without a zone", "2026-01-15T09:00:01"),
        ("a US-style date", "01/15/2026 09:00:01"),
        ("a bare date", "2026-01-15"),
        ("words", "yesterday"),
    ];

    public static IEnumerable<BadInputCase> For(ContractOperation operation)
    {
        var schema = operation.RequestSchema!;
        var required = schema.Required ?? new HashSet<string>();
        foreach (var (field, wrapped) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var property = SchemaParts.Unwrapped(wrapped);
            var type = property.Type ?? throw new NotSupportedException($"{operation}: '{field}' has no type");
            if (required.Contains(field))
            {
                yield return Case(operation, $"required '{field}' dropped", body => body.Remove(field), field);
                yield return Case(operation, $"required '{field}' null", body => body[field] = null, field);
                if (type.HasFlag(JsonSchemaType.String))
                {
                    yield return Case(operation, $"required '{field}' empty", body => body[field] = "", field);
                }
            }

            if (type.HasFlag(JsonSchemaType.String))
            {
                yield return BadInputCase.Of(operation.OperationId, $"'{field}' holding a lone surrogate", call => WithLoneSurrogate(call, field, inArray: false), ExpectedError.Invalid(field));
            }

            foreach (var (label, value) in WrongTypes(type))
            {
                yield return Case(operation, $"'{field}' as {label}", body => body[field] = value.DeepClone(), field);
            }

            if (property.Format == "date-time")
            {
                foreach (var (label, value) in NotRfc3339)
                {
                    yield return Case(operation, $"'{field}' as {label}", body => body[field] = value, field);
                }
            }

            if (type.HasFlag(JsonSchemaType.Integer))
            {
                yield return Case(operation, $"'{field}' as a fraction", body => body[field] = 1.5, field);
            }

            if (property.Enum is { Count: > 0 })
            {
                yield return Case(operation, $"'{field}' outside its enum", body => body[field] = "NOT_A_CHOICE", field);
            }

            if (property.Items is { } items)
            {
                foreach (var (label, value) in WrongTypes(items.Type ?? JsonSchemaType.String))
                {
                    yield return Case(operation, $"'{field}' holding {label}", body => body[field] = new JsonArray(value.DeepClone()), field);
                }

                if (items.Type == JsonSchemaType.String)
                {
                    yield return BadInputCase.Of(operation.OperationId, $"'{field}' holding a lone surrogate", call => WithLoneSurrogate(call, field, inArray: true), ExpectedError.Invalid(field));
                }

                if (items.Enum is { Count: > 0 })
                {
                    yield return Case(operation, $"'{field}' holding a value outside its enum", body => body[field] = new JsonArray("NOT_A_CHOICE"), field);
                }
            }
        }
    }

    /// A value of every JSON type the schema does not allow; strings and numbers look plausible on purpose.
    public static IEnumerable<(string Label, JsonNode Value)> WrongTypes(JsonSchemaType type)
    {
        if (!type.HasFlag(JsonSchemaType.String))
        {
            yield return ("a string", JsonValue.Create("1"));
        }

        if (!type.HasFlag(JsonSchemaType.Number) && !type.HasFlag(JsonSchemaType.Integer))
        {
            yield return ("a number", JsonValue.Create(1));
        }

        if (!type.HasFlag(JsonSchemaType.Boolean))
        {
            yield return ("a boolean", JsonValue.Create(true));
        }

        if (!type.HasFlag(JsonSchemaType.Object))
        {
            yield return ("an object", new JsonObject { ["value"] = "1" });
        }

        if (!type.HasFlag(JsonSchemaType.Array))
        {
            yield return ("an array", new JsonArray("1"));
        }
    }

    /// "\ud800" is well-formed JSON but no Unicode text; JsonNode cannot hold it, so it goes in as raw text.
    private static ContractCall WithLoneSurrogate(ContractCall call, string field, bool inArray)
    {
        const string Marker = "LONE-SURROGATE-HERE";
        var text = call.WithBody(body => body[field] = inArray ? new JsonArray(Marker) : Marker).Body!.ToJsonString();
        return call.WithRaw(text.Replace($"\"{Marker}\"", "\"\\ud800\"", StringComparison.Ordinal));
    }

    private static BadInputCase Case(ContractOperation operation, string what, Action<JsonObject> change, string field) =>
        BadInputCase.Of(operation.OperationId, what, call => call.WithBody(change), ExpectedError.Invalid(field));
}
