namespace TigerEmulator.Http;

/// The outcome of a checked change to an immutable document: the changed document to store, or the error that refused
/// the change. A change function returns either one as it is; the conversions wrap it.
public readonly record struct Checked<T>(T? Document, ErrorResult? Error)
    where T : class
{
    public static implicit operator Checked<T>(T document) => new(document, null);

    public static implicit operator Checked<T>(ErrorResult error) => new(null, error);
}
