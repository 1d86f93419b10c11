using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace TigerEmulator.Tests.Contract;

/// Builds a request body from the contract alone: the schema's own example when it has one, else every property
/// that documents an example, an enum or a default, plus a made-up value for any required property that does not.
public static class ExampleBody
{
    public static JsonNode For(IOpenApiSchema wrapped)
    {
        var schema = SchemaParts.Unwrapped(wrapped);
        if (ExampleOf(schema) is { } example)
        {
            return example;
        }

        var type = schema.Type ?? JsonSchemaType.Object;
        if (type.HasFlag(JsonSchemaType.Object))
        {
            var body = new JsonObject();
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                if (ExampleOf(property) is { } value)
                {
                    body[name] = value;
                }
                else if (schema.Required?.Contains(name) == true)
                {
                    body[name] = For(property);
                }
            }

            return body;
        }

        return type switch
        {
            _ when type.HasFlag(JsonSchemaType.Array) => new JsonArray(schema.Items is null ? [] : [For(schema.Items)]),
            _ when type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number) => JsonValue.Create(1),
            _ when type.HasFlag(JsonSchemaType.Boolean) => JsonValue.Create(true),
            _ when schema.Format == "date-time" => JsonValue.Create("2024-01-01T00:00:00Z"),
            _ => JsonValue.Create("example"),
        };
    }

    /// The example, else the default, else the first enum value — each a fresh copy the caller may change. A wrapper's
    /// own example comes before the wrapped schema's.
    public static JsonNode? ExampleOf(IOpenApiSchema wrapped) => OwnExample(wrapped) ?? OwnExample(SchemaParts.Unwrapped(wrapped));

    private static JsonNode? OwnExample(IOpenApiSchema schema)
    {
        // OpenAPI 3.0 documents carry `example`, which Microsoft.OpenApi 2.x exposes only through this obsolete property.
#pragma warning disable CS0618
        var example = schema.Example;
#pragma warning restore CS0618
        return (example ?? schema.Default ?? schema.Enum?.FirstOrDefault())?.DeepClone();
    }
}
