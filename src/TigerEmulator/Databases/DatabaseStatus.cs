namespace TigerEmulator.Databases;

/// Whether services have a real database, and which PostgreSQL runs them or why none does: for the banner and the
/// control API.
public sealed record DatabaseStatus(bool Enabled, string Description);
