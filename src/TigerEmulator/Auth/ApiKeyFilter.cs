using TigerEmulator.Http;

namespace TigerEmulator.Auth;

/// Sits on the contract's route group: every call needs a valid key pair, and a project path must be the key's own.
public sealed class ApiKeyFilter(ApiKeyRegistry registry) : IEndpointFilter
{
    public const string ItemKey = "tiger.apiKey";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        string? header = http.Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return ValueTask.FromResult<object?>(Errors.Unauthorized("Missing Authorization header: send Basic base64(public_key:secret_key)"));
        }

        var key = registry.Authenticate(header);
        if (key is null)
        {
            return ValueTask.FromResult<object?>(Errors.Unauthorized("Invalid credentials: the key pair is malformed or unknown"));
        }

        if (http.Request.RouteValues.TryGetValue("project_id", out var project) && project is string projectId && projectId != key.ProjectId)
        {
            return ValueTask.FromResult<object?>(Errors.Forbidden($"This API key does not belong to project '{projectId}'"));
        }

        http.Items[ItemKey] = key;
        return next(context);
    }
}
