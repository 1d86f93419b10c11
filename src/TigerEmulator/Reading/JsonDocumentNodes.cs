using System.Text.Json;
using System.Text.RegularExpressions;

namespace TigerEmulator.Reading;

/// Reads JSON (a .json scenario, a fault rule or any request body) into document nodes. JSON values carry no line of
/// their own, so errors point at them by path; syntax errors still give line and column.
public static partial class JsonDocumentNodes
{
    public static DocumentNode Parse(string text, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            return From(document.RootElement, new NodePlace(""), source, lastKeyWins: false);
        }
        catch (JsonException exception)
        {
            var place = new NodePlace("", (int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1);
            throw DocumentException.At(source, place, $"is not valid JSON: {Position().Replace(exception.Message, "")}");
        }
    }

    /// A file refuses a repeated key; a request body lets the last one win, as JSON parsers of the real API do.
    public static DocumentNode From(JsonElement element, NodePlace place, string? source, bool lastKeyWins) => element.ValueKind switch
    {
        JsonValueKind.Object => FromObject(element, place, source, lastKeyWins),
        JsonValueKind.Array => FromArray(element, place, source, lastKeyWins),
        JsonValueKind.String => new ScalarNode(place, Text(element, place, source), ScalarKind.String),
        JsonValueKind.Number => new ScalarNode(place, element.GetRawText(), ScalarKind.Number),
        JsonValueKind.True => new ScalarNode(place, "true", ScalarKind.Boolean),
        JsonValueKind.False => new ScalarNode(place, "false", ScalarKind.Boolean),
        _ => new ScalarNode(place, "null", ScalarKind.Null),
    };

    private static MapNode FromObject(JsonElement element, NodePlace place, string? source, bool lastKeyWins)
    {
        var entries = new List<KeyValuePair<string, DocumentNode>>();
        foreach (var property in element.EnumerateObject())
        {
            var child = place.Child(property.Name);
            var node = From(property.Value, child, source, lastKeyWins);
            var earlier = entries.FindIndex(entry => entry.Key == property.Name);
            if (earlier < 0)
            {
                entries.Add(new(property.Name, node));
            }
            else
            {
                entries[earlier] = lastKeyWins ? new(property.Name, node) : throw DocumentException.At(source, child, "appears twice");
            }
        }

        return new MapNode(place, entries);
    }

    private static ListNode FromArray(JsonElement element, NodePlace place, string? source, bool lastKeyWins)
    {
        var items = new List<DocumentNode>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            items.Add(From(item, place.Item(items.Count), source, lastKeyWins));
        }

        return new ListNode(place, items);
    }

    // A lone surrogate such as "\ud800" is valid JSON syntax but no text; reading it throws.
    private static string Text(JsonElement element, NodePlace place, string? source)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw DocumentException.At(source, place, "is not valid Unicode text");
        }
    }

    [GeneratedRegex(@"\s*(Path: \S+ \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.$")]
    private static partial Regex Position();
}
