namespace TigerEmulator.Http;

/// A refused request, thrown by parsers and readers and answered by <see cref="ErrorBoundary"/>; see Http/README.md.
public class TigerException(ErrorResult error) : Exception(error.Value.Message)
{
    public ErrorResult Error { get; } = error;

    /// A 400 for input that breaks a rule, the message naming the field: "'page' must be 0 or more, not -1".
    public static TigerException Invalid(string message) => new(Errors.BadRequest(message));

    /// A 400 for a body whose framing breaks HTTP: Kestrel throws a bare IOException for some of these (a chunk size
    /// beyond any number, "Bad chunk size data."), which would otherwise be a 500.
    public static TigerException UnreadableBody(IOException exception) => Invalid($"Request body cannot be read: {exception.Message}");
}
