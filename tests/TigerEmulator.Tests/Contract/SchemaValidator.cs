using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace TigerEmulator.Tests.Contract;

/// Checks a JSON value against an OpenAPI schema as either revision of the contract writes one: type and nullable,
/// allOf wrappers, enum, required, properties, additionalProperties (false, or a schema), items, x-omitempty: false,
/// minimum/maximum, minLength/maxLength, pattern and the formats date-time, cidr and email. Extra properties are
/// allowed unless the schema says additionalProperties: false.
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
        if (schema.OneOf is { Count: > 0 } || schema.AnyOf is { Count: > 0 })
        {
            // None in either revision; refuse rather than pass a body that was never really checked.
            throw new NotSupportedException($"{at}: oneOf/anyOf schemas are not supported by this validator");
        }

        // The newer revision wraps a $ref in allOf to give it its own description: the value must satisfy every part.
        foreach (var part in schema.AllOf ?? [])
        {
            Check(value, part, at, problems);
        }

        if (schema.Type is not { } type)
        {
            if (schema.AllOf is not { Count: > 0 })
            {
                throw new NotSupportedException($"{at}: a schema without a type is not supported by this validator");
            }

            return;
        }

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

        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, at, problems);
                break;
            case JsonArray array:
                CheckArray(array, schema, at, problems);
                break;
            case JsonValue when kind == JsonValueKind.String:
                CheckString(value.GetValue<string>(), schema, at, problems);
                break;
            case JsonValue when kind == JsonValueKind.Number:
                CheckNumber(value.GetValue<decimal>(), schema, at, problems);
                break;
        }
    }

    private static void CheckObject(JsonObject obj, IOpenApiSchema schema, string at, List<string> problems)
    {
        var properties = schema.Properties ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var name in schema.Required ?? new HashSet<string>())
        {
            if (!obj.ContainsKey(name))
            {
                problems.Add($"{at}: required property '{name}' is missing");
            }
        }

        foreach (var (name, propertySchema) in properties)
        {
            if (obj.TryGetPropertyValue(name, out var property))
            {
                Check(property, propertySchema, $"{at}.{name}", problems);
            }
            else if (NeverOmitted(propertySchema))
            {
                problems.Add($"{at}: '{name}' is missing, but x-omitempty: false says it is sent even when null");
            }
        }

        foreach (var (name, property) in obj.Where(entry => !properties.ContainsKey(entry.Key)))
        {
            if (!schema.AdditionalPropertiesAllowed)
            {
                problems.Add($"{at}: '{name}' is not a property of the schema, which allows no others");
            }
            else if (schema.AdditionalProperties is { } others)
            {
                Check(property, others, $"{at}.{name}", problems);
            }
        }
    }

    private static void CheckArray(JsonArray array, IOpenApiSchema schema, string at, List<string> problems)
    {
        if (schema.Items is not { } items)
        {
            return;
        }

        for (var i = 0; i < array.Count; i++)
        {
            Check(array[i], items, $"{at}[{i}]", problems);
        }
    }

    private static void CheckString(string text, IOpenApiSchema schema, string at, List<string> problems)
    {
        var length = new StringInfo(text).LengthInTextElements;
        if (schema.MinLength is { } min && length < min)
        {
            problems.Add($"{at}: '{text}' is shorter than {min}");
        }

        if (schema.MaxLength is { } max && length > max)
        {
            problems.Add($"{at}: '{text}' is longer than {max}");
        }

        if (schema.Pattern is { } pattern && !Regex.IsMatch(text, pattern))
        {
            problems.Add($"{at}: '{text}' does not match /{pattern}/");
        }

        var broken = schema.Format switch
        {
            "date-time" when !IsDateTime(text) => "an RFC 3339 date-time",
            "cidr" when !IsIpv4Cidr(text) => "an IPv4 CIDR block",
            "email" when !EmailShape().IsMatch(text) => "an email address",
            _ => null,
        };
        if (broken is not null)
        {
            problems.Add($"{at}: '{text}' is not {broken}");
        }
    }

    private static void CheckNumber(decimal number, IOpenApiSchema schema, string at, List<string> problems)
    {
        if (Bound(schema.Minimum) is { } min && number < min)
        {
            problems.Add($"{at}: {number} is below the minimum {min}");
        }

        if (Bound(schema.Maximum) is { } max && number > max)
        {
            problems.Add($"{at}: {number} is above the maximum {max}");
        }
    }

    private static decimal? Bound(string? text) =>
        text is null ? null : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// x-omitempty: false (the newer revision's MetricDataPoint.value): a gap is sent as null, never left out.
    private static bool NeverOmitted(IOpenApiSchema schema) =>
        schema.Extensions?.TryGetValue("x-omitempty", out var extension) == true
        && extension is JsonNodeExtension { Node: JsonValue flag }
        && flag.TryGetValue<bool>(out var omitEmpty) && !omitEmpty;

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

    /// Address/prefix with an IPv4 address in dotted decimal and a prefix of 0 to 32.
    private static bool IsIpv4Cidr(string text) =>
        Ipv4Cidr().Match(text) is { Success: true } match
        && IPAddress.TryParse(match.Groups[1].Value, out var address) && address.ToString() == match.Groups[1].Value
        && int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) <= 32;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})/(\d{1,2})$")]
    private static partial Regex Ipv4Cidr();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+$")]
    private static partial Regex EmailShape();
}
