using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;

namespace TigerEmulator.Auth;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder api)
    {
        api.MapGet("/auth/info", GetAuthInfo).WithName("getAuthInfo");
        return api;
    }

    private static Results<Ok<AuthInfoBody>, ErrorResult> GetAuthInfo(HttpContext context, ApiKeyRegistry registry)
    {
        var key = (ApiKeyDocument)context.Items[ApiKeyFilter.ItemKey]!;
        var project = registry.Project(key.ProjectId);
        if (project is null)
        {
            return Errors.NotFound("project", key.ProjectId);
        }

        return TypedResults.Ok(new AuthInfoBody("apiKey", new ApiKeyBody(
            key.Id,
            key.Name,
            key.Created,
            new ProjectBody(project.Id, project.Name, project.PlanType),
            new UserBody(key.UserId, key.UserName, key.UserEmail))));
    }
}

/// The key under both names: the newer contract revision (and the current Tiger CLI, which refuses a login without it)
/// reads <c>api_key</c>; the older one, and older clients, read <c>apiKey</c>. Neither forbids the other's property.
public sealed record AuthInfoBody(string Type, [property: JsonPropertyName("api_key")] ApiKeyBody ApiKey)
{
    [JsonPropertyName("apiKey")]
    public ApiKeyBody ApiKeyDeprecated => ApiKey;
}

public sealed record ApiKeyBody(string PublicKey, string Name, DateTime Created, ProjectBody Project, UserBody IssuingUser);

public sealed record ProjectBody(string Id, string Name, string PlanType);

public sealed record UserBody(string Id, string Name, string Email);
