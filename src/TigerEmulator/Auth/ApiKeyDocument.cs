using TigerEmulator.Storage;

namespace TigerEmulator.Auth;

/// A client credential pair. The id is the public key; only a hash of the secret is stored.
public sealed class ApiKeyDocument : IDocument
{
    public string Id { get; set; } = "";

    public string SecretHash { get; set; } = "";

    public string Name { get; set; } = "";

    public DateTime Created { get; set; }

    public string ProjectId { get; set; } = "";

    public string UserId { get; set; } = "";

    public string UserName { get; set; } = "";

    public string UserEmail { get; set; } = "";
}
