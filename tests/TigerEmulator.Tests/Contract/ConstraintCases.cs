using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;

namespace TigerEmulator.Tests.Contract;

/// The limits the newer revision writes into its request schemas: minimum, minLength and maxLength, pattern, the cidr
/// format, additionalProperties: false, and the fields of objects inside arrays (a metrics label filter). Each value
/// just past a limit must be a 400 whose message names the field.
public static class ConstraintCases
{
    /// Fields whose pattern is answered otherwise than with a 400, with the reason; each is named in the README.
    public static readonly IReadOnlyDictionary<(string OperationId, string Field), string> PatternNotEnforced =
        new Dictionary<(string, string), string>
        {
            // Ids are digits (the newer revision's pattern), but an id of another shape names no VPC like any unknown
            // id: 404, as under the older revision, which documents no pattern (ConflictCases).
            [("attachServiceToVPC", "vpc_id")] = "an id that names no VPC is a 404",
            [("detachServiceFromVPC", "vpc_id")] = "an id that names no VPC is a 404",
        };

    /// Tried in turn: the first that a pattern refuses is the case's value.
    private static readonly string[] PatternBreakers = ["abc", "   ", "-1", "1.5", ""];

    public static IEnumerable<BadInputCase> For(ContractOperation operation)
    {
        var schema = operation.RequestSchema!;
        var id = operation.OperationId;
        if (!schema.AdditionalPropertiesAllowed)
        {
            yield return BadInputCase.OfBody(id, "an unknown field", body => body["unknown_field"] = "x", ExpectedError.Invalid("unknown_field"));
        }

        foreach (var (field, wrapped) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            var property = SchemaParts.Unwrapped(wrapped);
            var required = schema.Required?.Contains(field) == true;
            foreach (var (what, value) in BeyondLimits(property, required, PatternNotEnforced.ContainsKey((id, field))))
            {
                yield return BadInputCase.OfBody(id, $"'{field}' {what}", body => body[field] = value.DeepClone(), ExpectedError.Invalid(field));
            }

            if (property.Items is { Properties.Count: > 0 } item)
            {
                foreach (var nested in ItemCases(id, field, item))
                {
                    yield return nested;
                }
            }
        }
    }

    /// Values one step past each limit of a property. Required strings' emptiness is FieldCases' already.
    public static IEnumerable<(string What, JsonNode Value)> BeyondLimits(IOpenApiSchema property, bool required, bool skipPattern = false)
    {
        if (Bound(property.Minimum) is { } min)
        {
            yield return ($"below its minimum {min}", JsonValue.Create(min - 1));
        }

        if (Bound(property.Maximum) is { } max)
        {
            yield return ($"above its maximum {max}", JsonValue.Create(max + 1));
        }

        if (property.MinLength is > 0 && !required)
        {
            yield return ("empty", JsonValue.Create(""));
        }

        if (property.MaxLength is { } longest)
        {
            yield return ($"of {longest + 1} characters", JsonValue.Create(new string('n', longest + 1)));
        }

        if (property.Pattern is { } pattern && !skipPattern && PatternBreakers.FirstOrDefault(text => !Regex.IsMatch(text, pattern)) is { } broken)
        {
            yield return ($"'{broken}' against its pattern", JsonValue.Create(broken));
        }

        if (property.Format == "cidr")
        {
            yield return ("not a CIDR", JsonValue.Create("not-a-cidr"));
        }
    }

    /// An array of objects gets one valid item, then that item broken one field at a time.
    private static IEnumerable<BadInputCase> ItemCases(string operationId, string field, IOpenApiSchema item)
    {
        BadInputCase Item(string what, Action<JsonObject> change, string named) => BadInputCase.OfBody(operationId, $"'{field}' item {what}", body =>
        {
            var valid = ExampleBody.For(item).AsObject();
            change(valid);
            body[field] = new JsonArray(valid);
        }, ExpectedError.Invalid(named));

        foreach (var (name, wrapped) in item.Properties!)
        {
            var property = SchemaParts.Unwrapped(wrapped);
            var required = item.Required?.Contains(name) == true;
            if (required)
            {
                yield return Item($"without '{name}'", valid => valid.Remove(name), name);
            }

            foreach (var (label, wrong) in FieldCases.WrongTypes(property.Type ?? JsonSchemaType.String))
            {
                yield return Item($"with '{name}' as {label}", valid => valid[name] = wrong.DeepClone(), name);
            }

            foreach (var (what, value) in BeyondLimits(property, required: false))
            {
                yield return Item($"with '{name}' {what}", valid => valid[name] = value.DeepClone(), name);
            }
        }
    }

    private static decimal? Bound(string? text) =>
        text is null ? null : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
