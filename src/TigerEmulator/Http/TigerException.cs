namespace TigerEmulator.Http;

/// Thrown where returning an error is awkward (deep in request parsing); the error boundary answers with it.
public sealed class TigerException(ErrorResult error) : Exception(error.Value.Message)
{
    public ErrorResult Error { get; } = error;
}
