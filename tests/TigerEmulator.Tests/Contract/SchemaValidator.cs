using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace TigerEmulator.Tests.Contract;

/// Checks a JSON value against an OpenAPI schema: type, nullable, required, properties, items, enum and the
/// date-time format. Extra properties are allowed, as the contract never forbids them.
public static partial class SchemaValidator
{
    public static IReadOnlyList<string> Problems(JsonNode? value, IOpenApiSchema schema)
    {
        var problems = new List<string>();
        Check(value, schema, "$", problems);
        return problems;
    }

    private static void Check(JsonNode? value, IOpenApiSchema schema, string at, List<string> problems)
    {
        if (schema.AllOf is { Count: > 0 } || schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
        {
            // None in this contract; refuse rather than pass a body that was never really checked.
            throw new NotSupportedException($"{at}: allOf/oneOf/anyOf schemas are not supported by this validator");
        }

        var type = schema.Type ?? throw new NotSupportedException($"{at}: a schema without a type is not supported by this validator");
        if (value is null)
        {
            if (!type.HasFlag(JsonSchemaType.Null))
            {
                problems.Add($"{at}: null, but the schema ({type}) is not nullable");
            }

            return;
        }

        var kind = value.GetValueKind();
        if (!Matches(value, kind, type))
        {
            problems.Add($"{at}: {kind} {value.ToJsonString()}, but the schema says {type}");
            return;
        }

        if (schema.Enum is { Count: > 0 } allowed && !allowed.Any(option => JsonNode.DeepEquals(option, value)))
        {
            problems.Add($"{at}: {value.ToJsonString()} is not one of {string.Join(", ", allowed.Select(o => o?.ToJsonString()))}");
        }

        if (schema.Format == "date-time" && kind == JsonValueKind.String && !IsDateTime(value.GetValue<string>()))
        {
            problems.Add($"{at}: '{value.GetValue<string>()}' is not an RFC 3339 date-time");
        }

        if (value is JsonObject obj)
        {
            foreach (var name in schema.Required ?? new HashSet<string>())
            {
                if (!obj.ContainsKey(name))
                {
                    problems.Add($"{at}: required property '{name}' is missing");
                }
            }

            foreach (var (name, propertySchema) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (obj.TryGetPropertyValue(name, out var property))
                {
                    Check(property, propertySchema, $"{at}.{name}", problems);
                }
            }
        }

        if (value is JsonArray array && schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{at}[{i}]", problems);
            }
        }
    }

    private static bool Matches(JsonNode value, JsonValueKind kind, JsonSchemaType type) => kind switch
    {
        JsonValueKind.Object => type.HasFlag(JsonSchemaType.Object),
        JsonValueKind.Array => type.HasFlag(JsonSchemaType.Array),
        JsonValueKind.String => type.HasFlag(JsonSchemaType.String),
        JsonValueKind.True or JsonValueKind.False => type.HasFlag(JsonSchemaType.Boolean),
        JsonValueKind.Number => type.HasFlag(JsonSchemaType.Number)
            || (type.HasFlag(JsonSchemaType.Integer) && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number)),
        _ => false,
    };

    // RFC 3339 insists on a zone: "Z" or an offset. A bare local time is not a date-time.
    private static bool IsDateTime(string text) =>
        Rfc3339().IsMatch(text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
