namespace TigerEmulator.Http;

/// A refused request, thrown by parsers and readers and answered by <see cref="ErrorBoundary"/>; see Http/README.md.
public class TigerException(ErrorResult error) : Exception(error.Value.Message)
{
    public ErrorResult Error { get; } = error;

    /// A 400 for input that breaks a rule, the message naming the field: "'page' must be 0 or more, not -1".
    public static TigerException Invalid(string message) => new(Errors.BadRequest(message));
}
