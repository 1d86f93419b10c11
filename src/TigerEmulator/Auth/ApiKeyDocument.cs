using TigerEmulator.Storage;

namespace TigerEmulator.Auth;

/// A client credential pair. The id is the public key; only a hash of the secret is stored.
public sealed record ApiKeyDocument : IDocument
{
    public string Id { get; init; } = "";

    public string SecretHash { get; init; } = "";

    public string Name { get; init; } = "";

    public DateTime Created { get; init; }

    public string ProjectId { get; init; } = "";

    public string UserId { get; init; } = "";

    public string UserName { get; init; } = "";

    public string UserEmail { get; init; } = "";
}
