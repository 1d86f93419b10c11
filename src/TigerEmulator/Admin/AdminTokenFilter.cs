using System.Security.Cryptography;
using System.Text;
using TigerEmulator.Http;

namespace TigerEmulator.Admin;

/// Closes the control API behind TIGER_EMULATOR_ADMIN_TOKEN when one is set, sent as `Authorization: Bearer <token>`
/// or `X-Emulator-Token`. Routes marked <see cref="OpenAdminRoute"/> (health, for Docker checks) stay open.
public sealed class AdminTokenFilter(EmulatorOptions options) : IEndpointFilter
{
    public const string HeaderName = "X-Emulator-Token";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (options.AdminToken is not { } token || http.GetEndpoint()?.Metadata.GetMetadata<OpenAdminRoute>() is not null || Presents(http, token))
        {
            return next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return ValueTask.FromResult<object?>(Errors.Unauthorized(
            $"The control API needs the admin token: send 'Authorization: Bearer <token>' or '{HeaderName}: <token>'"));
    }

    private static bool Presents(HttpContext http, string token)
    {
        string? authorization = http.Request.Headers.Authorization;
        var presented = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : http.Request.Headers[HeaderName].ToString();
        return presented.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(token));
    }
}

/// Marks a control route that needs no admin token.
public sealed class OpenAdminRoute
{
    public static readonly OpenAdminRoute Instance = new();
}
