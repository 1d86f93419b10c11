namespace TigerEmulator.Reading;

/// Where a value sits in a scenario or fault-rule document: its path ("faults[0].probability") and, for YAML, line and column.
public sealed record NodePlace(string Path, int? Line = null, int? Column = null)
{
    public NodePlace Child(string key, int? line = null, int? column = null) =>
        new(Path.Length == 0 ? key : $"{Path}.{key}", line, column);

    public NodePlace Item(int index, int? line = null, int? column = null) => new($"{Path}[{index}]", line, column);
}

/// One value of a document, whatever its syntax (YAML or JSON), remembering where it came from so errors can point at it.
public abstract record DocumentNode(NodePlace Place)
{
    /// The value itself, quoted, for a reader to find the mistake ("the number 5").
    public abstract string Describe();

    /// Only the kind of value ("a number"), for fields whose value must not be repeated back (passwords).
    public abstract string DescribeKind();
}

public sealed record MapNode(NodePlace Place, IReadOnlyList<KeyValuePair<string, DocumentNode>> Entries) : DocumentNode(Place)
{
    public override string Describe() => "a mapping";

    public override string DescribeKind() => Describe();
}

public sealed record ListNode(NodePlace Place, IReadOnlyList<DocumentNode> Items) : DocumentNode(Place)
{
    public override string Describe() => "a list";

    public override string DescribeKind() => Describe();
}

/// A YAML plain scalar is <paramref name="Untyped"/>: its kind is a guess from its looks, so "2024" also reads as text.
/// JSON says what every value is.
public sealed record ScalarNode(NodePlace Place, string Text, ScalarKind Kind, bool Untyped = false) : DocumentNode(Place)
{
    public override string Describe() => Kind switch
    {
        ScalarKind.Number => $"the number {Text}",
        ScalarKind.Boolean => $"the boolean {Text}",
        ScalarKind.Null => "null",
        _ => $"the text '{Text}'",
    };

    public override string DescribeKind() => Kind switch
    {
        ScalarKind.Number => "a number",
        ScalarKind.Boolean => "a boolean",
        ScalarKind.Null => "null",
        _ => "text",
    };
}

public enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}
