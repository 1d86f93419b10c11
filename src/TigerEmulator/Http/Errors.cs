namespace TigerEmulator.Http;

/// The one factory for Tiger-format errors, so that a status code and its code string never drift apart.
public static class Errors
{
    public static ErrorResult BadRequest(string message) => new(400, new("INVALID_REQUEST", message));

    public static ErrorResult Unauthorized(string message) => new(401, new("UNAUTHORIZED", message));

    public static ErrorResult Forbidden(string message) => new(403, new("FORBIDDEN", message));

    public static ErrorResult NotFound(string message) => new(404, new("NOT_FOUND", message));

    /// Worded as the cloud words it: the Tiger CLI's own integration suite looks for "no service with that id exists"
    /// in the answer to a missing or deleted service, and the other kinds follow the same sentence.
    public static ErrorResult NotFound(string kind, string id) => NotFound($"no {kind} with that id exists: '{id}'");

    public static ErrorResult MethodNotAllowed(string message) => new(405, new("METHOD_NOT_ALLOWED", message));

    public static ErrorResult Conflict(string message) => new(409, new("CONFLICT", message));

    public static ErrorResult PayloadTooLarge(string message) => new(413, new("PAYLOAD_TOO_LARGE", message));

    public static ErrorResult Internal(string message) => new(500, new("INTERNAL_ERROR", message));

    public static ErrorResult TooManyRequests(string message) => new(429, new("TOO_MANY_REQUESTS", message));

    public static ErrorResult ServiceUnavailable(string message) => new(503, new("SERVICE_UNAVAILABLE", message));

    /// An error a fault rule asks for: any 4xx or 5xx, with the rule's own code or else the usual one for the status.
    public static ErrorResult Injected(int status, string? code, string message)
    {
        var usual = status switch
        {
            429 => TooManyRequests(message),
            502 => new(502, new("BAD_GATEWAY", message)),
            503 => ServiceUnavailable(message),
            504 => new(504, new("GATEWAY_TIMEOUT", message)),
            >= 500 => new(status, new("INTERNAL_ERROR", message)),
            _ => ForStatus(status, message),
        };
        return code is null ? usual : new(status, new(code, message));
    }

    /// Maps a bare status code (from routing or Kestrel) to its error.
    public static ErrorResult ForStatus(int status, string message) => status switch
    {
        400 => BadRequest(message),
        401 => Unauthorized(message),
        403 => Forbidden(message),
        404 => NotFound(message),
        405 => MethodNotAllowed(message),
        408 => new(408, new("REQUEST_TIMEOUT", message)),
        409 => Conflict(message),
        413 => PayloadTooLarge(message),
        _ when status is >= 400 and < 500 => new(status, new("CLIENT_ERROR", message)),
        _ => Internal(message),
    };
}
