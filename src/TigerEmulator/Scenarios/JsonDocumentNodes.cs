using System.Text.Json;
using System.Text.RegularExpressions;

namespace TigerEmulator.Scenarios;

/// Reads JSON (a .json scenario, or a fault rule posted to the control API) into document nodes. JSON values carry
/// no line of their own, so errors point at them by path; syntax errors still give line and column.
public static partial class JsonDocumentNodes
{
    public static DocumentNode Parse(string text, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            return From(document.RootElement, new NodePlace(""), source);
        }
        catch (JsonException exception)
        {
            var place = new NodePlace("", (int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1);
            throw ScenarioException.At(source, place, $"is not valid JSON: {Position().Replace(exception.Message, "")}");
        }
    }

    public static DocumentNode From(JsonElement element, NodePlace place, string? source) => element.ValueKind switch
    {
        JsonValueKind.Object => FromObject(element, place, source),
        JsonValueKind.Array => new ListNode(place, element.EnumerateArray().Select((item, index) => From(item, place.Item(index), source)).ToList()),
        JsonValueKind.String => new ScalarNode(place, element.GetString()!, ScalarKind.String),
        JsonValueKind.Number => new ScalarNode(place, element.GetRawText(), ScalarKind.Number),
        JsonValueKind.True or JsonValueKind.False => new ScalarNode(place, element.GetRawText(), ScalarKind.Boolean),
        _ => new ScalarNode(place, "null", ScalarKind.Null),
    };

    private static MapNode FromObject(JsonElement element, NodePlace place, string? source)
    {
        var entries = new List<KeyValuePair<string, DocumentNode>>();
        foreach (var property in element.EnumerateObject())
        {
            var child = place.Child(property.Name);
            if (entries.Any(entry => entry.Key == property.Name))
            {
                throw ScenarioException.At(source, child, "appears twice");
            }

            entries.Add(new(property.Name, From(property.Value, child, source)));
        }

        return new MapNode(place, entries);
    }

    [GeneratedRegex(@"\s*(Path: \S+ \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.$")]
    private static partial Regex Position();
}
