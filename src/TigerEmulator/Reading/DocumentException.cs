using TigerEmulator.Http;

namespace TigerEmulator.Reading;

/// A document that cannot be used: a scenario file, a fault rule or a request body. The message names the file (when
/// there is one), the line and column (when the syntax has them), and the path of the field, so a reader can go straight
/// to the mistake. It is a 400 to the error boundary; loading a scenario at start-up reports it as it is.
public sealed class DocumentException(string message) : TigerException(Errors.BadRequest(message))
{
    public static DocumentException At(string? source, NodePlace place, string problem)
    {
        var where = new List<string>();
        if (source is not null)
        {
            where.Add(source);
        }

        if (place.Line is { } line)
        {
            where.Add($"line {line}, column {place.Column}");
        }

        var prefix = where.Count == 0 ? "" : string.Join(", ", where) + ": ";
        return new(place.Path.Length == 0 ? prefix + problem : $"{prefix}'{place.Path}' {problem}");
    }
}
