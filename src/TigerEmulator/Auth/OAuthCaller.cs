namespace TigerEmulator.Auth;

/// Who called with a valid bearer token: the token (to revoke it on logout) and its user (to scope projects).
public sealed record OAuthCaller(AccessTokenDocument Token, UserDocument User)
{
    public bool BelongsTo(string projectId) => User.ProjectIds.Contains(projectId);
}
