using System.Globalization;
using TigerEmulator.Http;

namespace TigerEmulator.Reading;

/// Typed access to the fields of one mapping: a request body, a scenario file or a fault rule, whatever its syntax.
/// Every refusal is a <see cref="DocumentException"/> naming the field (and the file and line when there are some), which
/// the error boundary answers as a 400. Every field asked for becomes known, so that <see cref="RejectUnknown"/> can
/// refuse typos ("probabilty") by name instead of ignoring them.
public sealed class MapReader
{
    private readonly MapNode map;
    private readonly List<string> known = [];

    public MapReader(DocumentNode node, string? source)
    {
        Source = source;
        map = node as MapNode ?? throw DocumentException.At(source, node.Place, $"must be a mapping of fields, not {node.Describe()}");
    }

    public string? Source { get; }

    public NodePlace Place => map.Place;

    public bool Has(string key) => Find(key) is { } node && !IsNull(node);

    public DocumentNode? Node(string key)
    {
        if (!known.Contains(key))
        {
            known.Add(key);
        }

        var node = Find(key);
        return node is null || IsNull(node) ? null : node;
    }

    /// A secret field's value is never repeated in an error, only its kind.
    public string? OptionalString(string key, int maxLength = 255, bool secret = false)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        if (node is not ScalarNode { Kind: ScalarKind.String } and not ScalarNode { Kind: ScalarKind.Number, Untyped: true })
        {
            throw Error(node, $"must be a string, not {(secret ? node.DescribeKind() : node.Describe())}");
        }

        var text = ((ScalarNode)node).Text;
        return text.Trim().Length == 0 ? throw Error(node, "must not be empty")
            : text.Length > maxLength ? throw Error(node, $"must be at most {maxLength} characters long")
            : text;
    }

    public string RequiredString(string key, int maxLength = 255, bool secret = false) =>
        OptionalString(key, maxLength, secret) ?? throw Missing(key);

    public string? OptionalEnum(string key, IReadOnlyCollection<string> allowed)
    {
        var value = OptionalString(key);
        return value is null || allowed.Contains(value)
            ? value
            : throw Error(key, $"must be one of {string.Join(", ", allowed)}, not '{value}'");
    }

    public string RequiredEnum(string key, IReadOnlyCollection<string> allowed) => OptionalEnum(key, allowed) ?? throw Missing(key);

    public double? OptionalNumber(string key, double min = double.MinValue, double max = double.MaxValue)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        if (node is not ScalarNode { Kind: ScalarKind.Number } scalar
            || !double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            throw Error(node, $"must be a number, not {node.Describe()}");
        }

        return value >= min && value <= max ? value : throw Error(node, $"must be between {min} and {max}, not {scalar.Text}");
    }

    public int? OptionalInt(string key, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = OptionalNumber(key, min, max);
        return value is null ? null
            : value == Math.Floor(value.Value) ? (int)value.Value
            : throw Error(key, $"must be a whole number, not {value}");
    }

    public int RequiredInt(string key, int min = int.MinValue, int max = int.MaxValue) => OptionalInt(key, min, max) ?? throw Missing(key);

    public bool? OptionalBool(string key)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        return node is ScalarNode { Kind: ScalarKind.Boolean } scalar
            ? bool.Parse(scalar.Text)
            : throw Error(node, $"must be true or false, not {node.Describe()}");
    }

    public DateTimeOffset? OptionalTimestamp(string key)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return null;
        }

        return Rfc3339.TryParse(text, out var time)
            ? time.ToUniversalTime()
            : throw Error(key, $"must be an RFC 3339 timestamp, not '{text}'");
    }

    public IReadOnlyList<string>? OptionalStringArray(string key, IReadOnlyCollection<string> allowed)
    {
        if (Node(key) is not { } node)
        {
            return null;
        }

        if (node is not ListNode list)
        {
            throw Error(node, $"must be an array of strings, not {node.Describe()}");
        }

        var items = new List<string>(list.Items.Count);
        foreach (var item in list.Items)
        {
            items.Add(item is ScalarNode { Kind: ScalarKind.String } text && allowed.Contains(text.Text)
                ? text.Text
                : throw Error(key, $"items must be one of {string.Join(", ", allowed)}"));
        }

        return items;
    }

    public MapReader? OptionalObject(string key) => Node(key) is { } node ? new MapReader(node, Source) : null;

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

    public DocumentException Error(string key, string problem) => Error(PlaceOf(key), problem);

    public DocumentException Error(DocumentNode node, string problem) => Error(node.Place, problem);

    public DocumentException Error(NodePlace place, string problem) => DocumentException.At(Source, place, problem);

    private DocumentException Missing(string key) => Error(PlaceOf(key), "is required");

    private DocumentNode? Find(string key)
    {
        foreach (var (name, node) in map.Entries)
        {
            if (name == key)
            {
                return node;
            }
        }

        return null;
    }

    private static bool IsNull(DocumentNode node) => node is ScalarNode { Kind: ScalarKind.Null };
}
