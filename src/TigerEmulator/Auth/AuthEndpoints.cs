using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Reading;

namespace TigerEmulator.Auth;

/// Who the caller is, which projects they may use, and logging out: the answers depend on the credential's kind.
public static class AuthEndpoints
{
    public const int MaxRefreshTokenLength = 4096;

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder api)
    {
        api.MapGet("/auth/info", GetAuthInfo).WithName("getAuthInfo");
        api.MapPost("/auth/logout", Logout).WithName("logout");
        api.MapGet("/projects", GetProjects).WithName("getProjects");
        return api;
    }

    private static Results<Ok<AuthInfoBody>, ErrorResult> GetAuthInfo(HttpContext context, ApiKeyRegistry registry)
    {
        if (context.Items[ApiKeyFilter.ItemKey] is OAuthCaller caller)
        {
            return TypedResults.Ok(AuthInfoBody.ForUser(UserBody.From(caller.User)));
        }

        var key = (ApiKeyDocument)context.Items[ApiKeyFilter.ItemKey]!;
        var project = registry.Project(key.ProjectId);
        if (project is null)
        {
            return Errors.NotFound("project", key.ProjectId);
        }

        return TypedResults.Ok(AuthInfoBody.ForKey(new ApiKeyBody(
            key.Id,
            key.Name,
            key.Created,
            new ProjectBody(project.Id, project.Name, project.PlanType),
            new UserBody(key.UserId, key.UserName, key.UserEmail))));
    }

    /// Revokes a bearer token. A key pair is not a session: its logout answers 204 and revokes nothing. The emulator
    /// issues no refresh tokens, so one in the body is checked for its type and otherwise has nothing to revoke.
    private static async Task<NoContent> Logout(HttpContext context, BearerTokens tokens)
    {
        var body = await JsonBody.ReadOptionalAsync(context.Request);
        body?.OptionalString("refresh_token", MaxRefreshTokenLength, secret: true);
        if (context.Items[ApiKeyFilter.ItemKey] is OAuthCaller caller)
        {
            tokens.Revoke(caller.Token);
        }

        return TypedResults.NoContent();
    }

    /// A key sees its own project; a token's user sees every project they belong to, in the order they joined them.
    private static Ok<IReadOnlyList<ProjectSummaryBody>> GetProjects(HttpContext context, ApiKeyRegistry registry)
    {
        IReadOnlyList<string> ids = context.Items[ApiKeyFilter.ItemKey] is OAuthCaller caller
            ? caller.User.ProjectIds
            : [((ApiKeyDocument)context.Items[ApiKeyFilter.ItemKey]!).ProjectId];
        return TypedResults.Ok<IReadOnlyList<ProjectSummaryBody>>(
            ids.Select(registry.Project).OfType<ProjectDocument>().Select(p => new ProjectSummaryBody(p.Id, p.Name)).ToList());
    }
}
