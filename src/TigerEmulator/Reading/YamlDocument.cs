using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TigerEmulator.Reading;

/// Reads YAML into document nodes with their line and column. Built on the event parser rather than the object
/// model so that duplicate keys are refused with their place instead of one silently winning.
public static partial class YamlDocument
{
    public static DocumentNode Parse(string text, string source)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                throw DocumentException.At(source, new NodePlace(""), "is empty");
            }

            parser.Consume<DocumentStart>();
            var root = Read(parser, new NodePlace(""), source);
            parser.Consume<DocumentEnd>();
            return parser.Accept<StreamEnd>(out _)
                ? root
                : throw DocumentException.At(source, new NodePlace(""), "holds more than one YAML document");
        }
        catch (YamlException exception)
        {
            var message = LocationPrefix().Replace(exception.Message, "");
            throw DocumentException.At(source, new NodePlace("", (int)exception.Start.Line, (int)exception.Start.Column), $"is not valid YAML: {message}");
        }
    }

    private static DocumentNode Read(IParser parser, NodePlace place, string source)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return new ScalarNode(At(place, scalar), scalar.Value, KindOf(scalar), Untyped: scalar.Style is ScalarStyle.Plain);
        }

        if (parser.TryConsume<SequenceStart>(out var sequence))
        {
            var items = new List<DocumentNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(Read(parser, place.Item(items.Count), source));
            }

            return new ListNode(At(place, sequence), items);
        }

        if (parser.TryConsume<MappingStart>(out var mapping))
        {
            return ReadMap(parser, At(place, mapping), source);
        }

        var other = parser.Current!;
        throw DocumentException.At(source, At(place, other), "uses a YAML anchor or alias, which scenarios do not support");
    }

    private static MapNode ReadMap(IParser parser, NodePlace place, string source)
    {
        var entries = new List<KeyValuePair<string, DocumentNode>>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (!parser.TryConsume<Scalar>(out var key))
            {
                throw DocumentException.At(source, At(place, parser.Current!), "has a key that is not plain text");
            }

            var child = place.Child(key.Value, (int)key.Start.Line, (int)key.Start.Column);
            if (entries.Any(entry => entry.Key == key.Value))
            {
                throw DocumentException.At(source, child, "appears twice");
            }

            entries.Add(new(key.Value, Read(parser, child, source)));
        }

        return new MapNode(place, entries);
    }

    private static NodePlace At(NodePlace place, ParsingEvent node) =>
        place with { Line = (int)node.Start.Line, Column = (int)node.Start.Column };

    private static ScalarKind KindOf(Scalar scalar)
    {
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return ScalarKind.String;
        }

        return scalar.Value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
            var text when Number().IsMatch(text) => ScalarKind.Number,
            _ => ScalarKind.String,
        };
    }

    [GeneratedRegex(@"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex LocationPrefix();
}
