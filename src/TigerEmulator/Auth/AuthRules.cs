using System.Text.RegularExpressions;
using TigerEmulator.Reading;

namespace TigerEmulator.Auth;

/// The rules of OAuth users, their projects and tokens wherever they come from, a mint request or a scenario file.
public static partial class AuthRules
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 128;
    public const int MaxEmailLength = 254;
    public const int MinTokenLength = 8;
    public const double MaxLifetimeSeconds = 366 * 24 * 3600;

    /// An id of a user or a project: letters, digits, '-' and '_', as in the cloud's ids.
    public static string Id(MapReader map, string key)
    {
        var id = map.RequiredString(key, MaxIdLength);
        return IdProblem(id) is { } problem ? throw map.Error(key, problem) : id;
    }

    /// An id given as an item of a list (["rp1pz7uyae", ...]), checked as <see cref="Id"/> checks a field.
    public static string Id(MapReader map, DocumentNode item)
    {
        if (item is not ScalarNode { Kind: ScalarKind.String } and not ScalarNode { Kind: ScalarKind.Number, Untyped: true })
        {
            throw map.Error(item, $"must be an id, not {item.Describe()}");
        }

        var id = ((ScalarNode)item).Text;
        return IdProblem(id) is { } problem ? throw map.Error(item, problem) : id;
    }

    private static string? IdProblem(string id) =>
        id.Length > MaxIdLength ? $"must be at most {MaxIdLength} characters long"
        : IdPattern().IsMatch(id) ? null
        : $"may hold only letters, digits, '-' and '_', not '{id}'";

    /// id required; name and email may be left out (a new user gets made-up ones, a known one keeps theirs).
    public static GrantedUser User(MapReader map)
    {
        var user = new GrantedUser(Id(map, "id"), map.OptionalString("name", MaxNameLength), Email(map));
        map.RejectUnknown();
        return user;
    }

    public static TimeSpan? Lifetime(MapReader map) =>
        map.OptionalNumber("expires_in_seconds", 1, MaxLifetimeSeconds) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// A token given in plain text (a scenario's): checked, then only its hash is kept. No message repeats it.
    public static string TokenHash(MapReader map, string key)
    {
        var token = map.RequiredString(key, BearerTokens.MaxTokenLength, secret: true);
        if (token.Length < MinTokenLength || !BearerTokens.IsWellFormed(token))
        {
            throw map.Error(key, $"must be at least {MinTokenLength} characters of letters, digits and -._~+/ (RFC 6750's token syntax)");
        }

        return BearerTokens.Hash(token);
    }

    public static string? Email(MapReader map)
    {
        var email = map.OptionalString("email", MaxEmailLength);
        return email is null || EmailPattern().IsMatch(email) ? email : throw map.Error("email", $"must be an email address, not '{email}'");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
