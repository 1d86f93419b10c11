namespace TigerEmulator.Databases;

/// Whether services have a real database, and which PostgreSQL runs them or why none does: for the banner and the
/// control API.
public sealed record DatabaseStatus(bool Enabled, string Description)
{
    /// The one line that says which extensions service types imply these binaries lack; null when none is missing.
    public string? MissingExtensions { get; init; }
}
