using TigerEmulator.Storage;

namespace TigerEmulator.Auth;

/// A bearer token a user signs in with. The id is the SHA-256 of the token (hex): the token itself is never stored.
/// Expired and revoked tokens are kept until a reset, so that a refusal can say which of the two it is.
public sealed record AccessTokenDocument : IDocument
{
    public string Id { get; init; } = "";

    public string UserId { get; init; } = "";

    public DateTime Created { get; init; }

    /// Emulated time; null: the token never expires.
    public DateTime? ExpiresAt { get; init; }

    public DateTime? RevokedAt { get; init; }
}
