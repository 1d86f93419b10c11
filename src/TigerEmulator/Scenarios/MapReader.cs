using System.Globalization;

namespace TigerEmulator.Scenarios;

/// Typed access to the fields of one mapping. Every field asked for becomes known, so that <see cref="RejectUnknown"/>
/// can refuse typos ("probabilty") by name instead of ignoring them.
public sealed class MapReader
{
    private readonly MapNode map;
    private readonly HashSet<string> known = [];

    public MapReader(DocumentNode node, string? source)
    {
        Source = source;
        map = node as MapNode ?? throw ScenarioException.At(source, node.Place, $"must be a mapping of fields, not {node.Describe()}");
    }

    public string? Source { get; }

    public NodePlace Place => map.Place;

    public bool Has(string key) => Find(key) is { } node && !IsNull(node);

    public DocumentNode? Node(string key)
    {
        known.Add(key);
        var node = Find(key);
        return node is null || IsNull(node) ? null : node;
    }

    public string? String(string key, int maxLength = 255)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        if (node is not ScalarNode scalar || scalar.Kind == ScalarKind.Boolean)
        {
            throw Error(node, $"must be text, not {node.Describe()}");
        }

        if (scalar.Text.Trim().Length == 0 || scalar.Text.Length > maxLength)
        {
            throw Error(node, $"must be between 1 and {maxLength} characters long");
        }

        return scalar.Text;
    }

    public string RequiredString(string key, int maxLength = 255) => String(key, maxLength) ?? throw Missing(key);

    public string? Enum(string key, IReadOnlyCollection<string> allowed)
    {
        var value = String(key);
        return value is null || allowed.Contains(value)
            ? value
            : throw Error(Find(key)!, $"must be one of {string.Join(", ", allowed)}, not '{value}'");
    }

    public double? Number(string key, double min, double max)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        if (node is not ScalarNode { Kind: ScalarKind.Number } scalar
            || !double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(node, $"must be a number, not {node.Describe()}");
        }

        return value >= min && value <= max ? value : throw Error(node, $"must be between {min} and {max}, not {scalar.Text}");
    }

    public int? Int(string key, int min, int max)
    {
        var value = Number(key, min, max);
        return value is null ? null
            : value == Math.Floor(value.Value) ? (int)value.Value
            : throw Error(Find(key)!, $"must be a whole number, not {value}");
    }

    public bool? Bool(string key)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        return node is ScalarNode { Kind: ScalarKind.Boolean } scalar
            ? bool.Parse(scalar.Text)
            : throw Error(node, $"must be true or false, not {node.Describe()}");
    }

    public MapReader? Map(string key) => Node(key) is { } node ? new MapReader(node, Source) : null;

    /// The items of a list field (none when absent).
    public IReadOnlyList<DocumentNode> List(string key)
    {
        if (Node(key) is not { } node)
        {
            return [];
        }

        return node is ListNode list ? list.Items : throw Error(node, $"must be a list, not {node.Describe()}");
    }

    public IEnumerable<MapReader> Maps(string key) => List(key).Select(item => new MapReader(item, Source));

    /// Call after reading every field: anything left over is a mistake worth naming.
    public void RejectUnknown()
    {
        foreach (var (key, node) in map.Entries)
        {
            if (!known.Contains(key))
            {
                throw Error(node, $"is not a known field here; known fields: {string.Join(", ", known)}");
            }
        }
    }

    /// Where a field is, or where it would be: errors about a missing field point at its mapping.
    public NodePlace PlaceOf(string key) => Find(key)?.Place ?? map.Place.Child(key, map.Place.Line, map.Place.Column);

    public ScenarioException Error(string key, string problem) => Error(PlaceOf(key), problem);

    public ScenarioException Error(DocumentNode node, string problem) => Error(node.Place, problem);

    public ScenarioException Error(NodePlace place, string problem) => ScenarioException.At(Source, place, problem);

    private ScenarioException Missing(string key) => Error(PlaceOf(key), "is required");

    private DocumentNode? Find(string key) => map.Entries.FirstOrDefault(entry => entry.Key == key).Value;

    private static bool IsNull(DocumentNode node) => node is ScalarNode { Kind: ScalarKind.Null };
}
