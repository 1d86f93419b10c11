using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using TigerEmulator.Lifecycle;
using TigerEmulator.Storage;

namespace TigerEmulator.Auth;

/// Issues, checks and revokes the bearer tokens of OAuth users (the newer contract revision's bearerAuth).
public sealed class BearerTokens(IStore<AccessTokenDocument> tokens, IStore<UserDocument> users, IStore<ProjectDocument> projects, EmulatorClock clock, StateLock state)
{
    public const string Scheme = "Bearer";
    public const int MaxTokenLength = 4096;

    /// Whether an Authorization header uses the Bearer scheme, with or without a token after it.
    public static bool IsBearer(string header) =>
        header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && (header.Length == Scheme.Length || header[Scheme.Length] == ' ');

    /// RFC 6750's b64token: letters, digits and -._~+/ with '=' only at the end.
    public static bool IsWellFormed(ReadOnlySpan<char> token)
    {
        var body = token.TrimEnd('=');
        return body.Length > 0 && token.Length <= MaxTokenLength && !body.ContainsAnyExcept(TokenCharacters);
    }

    /// Only this is stored. The store is keyed by it, so a lookup compares hashes, never a presented token with a stored
    /// one: how long a lookup takes can tell at most how a probe's hash compares with stored hashes, which reveals nothing
    /// about any token (the reason a secret compared with a secret needs FixedTimeEquals, as the key pairs do).
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// The caller behind a Bearer header, or why it is refused; the message never repeats the token.
    public (OAuthCaller? Caller, string? Refusal) Authenticate(string header)
    {
        var token = header.AsSpan(Scheme.Length).Trim();
        if (!IsWellFormed(token))
        {
            return (null, "Malformed bearer token: send 'Authorization: Bearer <token>' with a token of letters, digits and -._~+/ (RFC 6750)");
        }

        if (tokens.Get(Hash(token.ToString())) is not { } document || users.Get(document.UserId) is not { } user)
        {
            return (null, "Unknown bearer token: the emulator never issued it, or was reset since");
        }

        if (document.RevokedAt is not null)
        {
            return (null, "The bearer token was revoked by a logout; sign in again");
        }

        return document.ExpiresAt <= clock.UtcNow
            ? (null, $"The bearer token expired at {document.ExpiresAt:yyyy-MM-ddTHH:mm:ssZ}; sign in again")
            : (new OAuthCaller(document, user), null);
    }

    /// Issues a token for the user, adding the user and the projects not known yet; the token is shown only in the answer.
    public MintedToken Mint(TokenGrant grant)
    {
        var token = "tigeremu_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return state.Run(() =>
        {
            var now = clock.UtcNow;
            foreach (var project in grant.Projects.Where(p => projects.Get(p.Id) is null))
            {
                projects.Insert(new ProjectDocument { Id = project.Id, Name = project.Name ?? $"Project {project.Id}", Created = now });
            }

            var user = Join(grant.User, grant.Projects.Select(p => p.Id));
            var document = new AccessTokenDocument { Id = Hash(token), UserId = user.Id, Created = now, ExpiresAt = now + grant.Lifetime };
            tokens.Insert(document);
            return new MintedToken(token, document, user, user.ProjectIds.Select(id => projects.Get(id)).OfType<ProjectDocument>().ToList());
        });
    }

    /// Every later call with the token is refused; revoking twice changes nothing.
    public void Revoke(AccessTokenDocument token) =>
        state.Run(() =>
        {
            if (tokens.Get(token.Id) is { RevokedAt: null } current)
            {
                tokens.Update(current with { RevokedAt = clock.UtcNow });
            }

            return true;
        });

    // A user minted for again keeps the projects they had and joins the new ones; a name or email given replaces the old.
    private UserDocument Join(GrantedUser granted, IEnumerable<string> projectIds)
    {
        var known = users.Get(granted.Id);
        var user = new UserDocument
        {
            Id = granted.Id,
            Name = granted.Name ?? known?.Name ?? $"User {granted.Id}",
            Email = granted.Email ?? known?.Email ?? $"user-{granted.Id}@example.com",
            ProjectIds = (known?.ProjectIds ?? []).Union(projectIds).ToList(),
        };
        if (known is null)
        {
            users.Insert(user);
        }
        else
        {
            users.Update(user);
        }

        return user;
    }

    private static readonly System.Buffers.SearchValues<char> TokenCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/");
}

/// What a mint asks for: a user (name and email optional) and the projects the user gets, new ones with a name or none.
public sealed record TokenGrant(GrantedUser User, IReadOnlyList<GrantedProject> Projects, TimeSpan? Lifetime);

public sealed record GrantedUser(string Id, string? Name, string? Email);

public sealed record GrantedProject(string Id, string? Name);

/// A token just issued: the only time its value exists outside the client.
public sealed record MintedToken(string Token, AccessTokenDocument Document, UserDocument User, IReadOnlyList<ProjectDocument> Projects)
{
    // A record prints every member; this one must not print the token.
    public override string ToString() => $"a token for user {User.Id}";
}
