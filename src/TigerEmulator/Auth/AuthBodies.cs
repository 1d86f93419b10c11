using System.Text.Json.Serialization;

namespace TigerEmulator.Auth;

/// The key under both names: the newer contract revision (and the current Tiger CLI, which refuses a login without it)
/// reads <c>api_key</c>; the older one, and older clients, read <c>apiKey</c>. Neither forbids the other's property.
/// An OAuth caller gets <c>type: oauth</c> and <c>oauth</c> instead, which only the newer revision describes.
public sealed record AuthInfoBody(
    string Type,
    [property: JsonPropertyName("api_key")] ApiKeyBody? ApiKey,
    [property: JsonPropertyName("oauth")] OAuthBody? OAuth)
{
    [JsonPropertyName("apiKey")]
    public ApiKeyBody? ApiKeyDeprecated => ApiKey;

    public static AuthInfoBody ForKey(ApiKeyBody key) => new("apiKey", key, null);

    public static AuthInfoBody ForUser(UserBody user) => new("oauth", null, new OAuthBody(user));
}

public sealed record ApiKeyBody(string PublicKey, string Name, DateTime Created, ProjectBody Project, UserBody IssuingUser);

public sealed record ProjectBody(string Id, string Name, string PlanType);

public sealed record UserBody(string Id, string Name, string Email)
{
    public static UserBody From(UserDocument user) => new(user.Id, user.Name, user.Email);
}

public sealed record OAuthBody(UserBody User);

/// An item of GET /projects: the contract's <c>Project</c>.
public sealed record ProjectSummaryBody(string Id, string Name);
