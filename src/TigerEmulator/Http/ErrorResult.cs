namespace TigerEmulator.Http;

/// An HTTP status paired with its Tiger error body. Built only through <see cref="Errors"/>. It declares no status to
/// OpenAPI itself, since one type carries them all: endpoints declare theirs with <see cref="ErrorMetadata.ProducesError{TBuilder}"/>.
public sealed class ErrorResult : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<TigerError>
{
    internal ErrorResult(int statusCode, TigerError error)
    {
        StatusCode = statusCode;
        Value = error;
    }

    public int StatusCode { get; }

    public TigerError Value { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    object? IValueHttpResult.Value => Value;

    public Task ExecuteAsync(HttpContext httpContext) => ErrorWriter.WriteAsync(httpContext, this);
}
