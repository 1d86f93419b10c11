using TigerEmulator.Storage;

namespace TigerEmulator.Auth;

/// A person who signs in with OAuth (a bearer token), and the projects they belong to. API keys carry their own user.
public sealed record UserDocument : IDocument
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string Email { get; init; } = "";

    /// In the order the user joined them, which is the order GET /projects lists them in.
    public IReadOnlyList<string> ProjectIds { get; init; } = [];
}
