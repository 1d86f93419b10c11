using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;
using TigerEmulator.Reading;

namespace TigerEmulator.Auth;

/// The control API's side of OAuth: mint a bearer token for a user, as the cloud's sign-in would hand one out.
public static class TokenRoutes
{
    public static RouteGroupBuilder MapTokens(this RouteGroupBuilder admin)
    {
        admin.MapPost("/tokens", Mint).WithName("mintToken").ProducesError(400, 413)
            .WithSummary("Mints a bearer token for {\"user\": {\"id\", \"name\"?, \"email\"?}, \"projects\": [\"id\" or {\"id\", \"name\"?}], \"expires_in_seconds\"?}; "
                + "projects not known yet are created. The token is shown once, in this answer; only its hash is kept.");
        return admin;
    }

    private static async Task<Created<MintedTokenBody>> Mint(HttpRequest request, BearerTokens tokens)
    {
        var minted = tokens.Mint(TokenRequests.ParseMint(await JsonBody.ReadAsync(request)));
        return TypedResults.Created((string?)null, MintedTokenBody.From(minted));
    }
}

/// What a mint answers: the token (its only showing), its type and expiry, and what it grants.
public sealed record MintedTokenBody(string Token, string TokenType, DateTime? ExpiresAt, UserBody User, IReadOnlyList<ProjectSummaryBody> Projects)
{
    public static MintedTokenBody From(MintedToken minted) => new(
        minted.Token,
        BearerTokens.Scheme,
        minted.Document.ExpiresAt,
        UserBody.From(minted.User),
        minted.Projects.Select(p => new ProjectSummaryBody(p.Id, p.Name)).ToList());

    // A record prints every member; this one must not print the token.
    public override string ToString() => $"a token for user {User.Id}";
}
