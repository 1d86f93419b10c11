using TigerEmulator.Http;

namespace TigerEmulator.Auth;

/// Sits on the contract's route group: every call needs a valid key pair or bearer token, and a project path must be
/// one the caller may use (a key's own project, or one its token's user belongs to).
public sealed class ApiKeyFilter(ApiKeyRegistry registry, BearerTokens bearer) : IEndpointFilter
{
    /// Holds the caller: an <see cref="ApiKeyDocument"/> or an <see cref="OAuthCaller"/>.
    public const string ItemKey = "tiger.apiKey";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        string? header = http.Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return ValueTask.FromResult<object?>(Errors.Unauthorized("Missing Authorization header: send Basic base64(public_key:secret_key)"));
        }

        // The key pair first, unchanged: it is every request's hot path, and a remembered header costs one lookup.
        var key = registry.Authenticate(header);
        if (key is null)
        {
            return BearerTokens.IsBearer(header)
                ? Bearer(context, next, header)
                : ValueTask.FromResult<object?>(Errors.Unauthorized("Invalid credentials: the key pair is malformed or unknown"));
        }

        if (http.Request.RouteValues.TryGetValue("project_id", out var project) && project is string projectId && projectId != key.ProjectId)
        {
            return ValueTask.FromResult<object?>(Errors.Forbidden($"This API key does not belong to project '{projectId}'"));
        }

        http.Items[ItemKey] = key;
        return next(context);
    }

    private ValueTask<object?> Bearer(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string header)
    {
        var http = context.HttpContext;
        var (caller, refusal) = bearer.Authenticate(header);
        if (caller is null)
        {
            return ValueTask.FromResult<object?>(Errors.Unauthorized(refusal!));
        }

        if (http.Request.RouteValues.TryGetValue("project_id", out var project) && project is string projectId && !caller.BelongsTo(projectId))
        {
            return ValueTask.FromResult<object?>(Errors.Forbidden($"The token's user does not belong to project '{projectId}'"));
        }

        http.Items[ItemKey] = caller;
        return next(context);
    }
}
