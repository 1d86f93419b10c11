using System.Text.Json;

namespace TigerEmulator.Http;

/// Typed access to the fields of a JSON object; every mismatch is a 400 naming the field.
public sealed class JsonFields(JsonElement root)
{
    /// The whole object, for readers that need more than one field at a time (fault rules).
    public JsonElement Root => root;

    public string RequiredString(string field, int maxLength = 255)
    {
        var value = OptionalString(field, maxLength);
        return value ?? throw Invalid($"'{field}' is required");
    }

    public string? OptionalString(string field, int maxLength = 255)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Invalid($"'{field}' must be a string, not {Describe(value)}");
        }

        var text = Text(field, value);
        if (text.Trim().Length == 0)
        {
            throw Invalid($"'{field}' must not be empty");
        }

        if (text.Length > maxLength)
        {
            throw Invalid($"'{field}' must be at most {maxLength} characters long");
        }

        return text;
    }

    public string? OptionalEnum(string field, IReadOnlyCollection<string> allowed)
    {
        var value = OptionalString(field);
        if (value is not null && !allowed.Contains(value))
        {
            throw Invalid($"'{field}' must be one of {string.Join(", ", allowed)}, not '{value}'");
        }

        return value;
    }

    public string RequiredEnum(string field, IReadOnlyCollection<string> allowed) =>
        OptionalEnum(field, allowed) ?? throw Invalid($"'{field}' is required");

    public int RequiredInt(string field) => OptionalInt(field) ?? throw Invalid($"'{field}' is required");

    public int? OptionalInt(string field)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw Invalid($"'{field}' must be an integer, not {Describe(value)}");
        }

        return number;
    }

    public double? OptionalNumber(string field)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Invalid($"'{field}' must be a number, not {Describe(value)}");
    }

    public bool? OptionalBool(string field)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw Invalid($"'{field}' must be a boolean, not {Describe(value)}");
    }

    public DateTimeOffset? OptionalTimestamp(string field)
    {
        var text = OptionalString(field);
        if (text is null)
        {
            return null;
        }

        if (!Rfc3339.TryParse(text, out var time))
        {
            throw Invalid($"'{field}' must be an RFC 3339 timestamp, not '{text}'");
        }

        return time.ToUniversalTime();
    }

    public IReadOnlyList<string>? OptionalStringArray(string field, IReadOnlyCollection<string> allowed)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"'{field}' must be an array of strings, not {Describe(value)}");
        }

        var items = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? Text(field, item) : null;
            if (text is null || !allowed.Contains(text))
            {
                throw Invalid($"'{field}' items must be one of {string.Join(", ", allowed)}");
            }

            items.Add(text);
        }

        return items;
    }

    public JsonElement? OptionalObject(string field)
    {
        if (!TryGet(field, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? value
            : throw Invalid($"'{field}' must be an object, not {Describe(value)}");
    }

    public static TigerException Invalid(string message) => new(Errors.BadRequest(message));

    private bool TryGet(string field, out JsonElement value) =>
        root.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null;

    // A lone surrogate such as "\ud800" is valid JSON syntax but no text; reading it throws.
    private static string Text(string field, JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Invalid($"'{field}' is not valid Unicode text");
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
