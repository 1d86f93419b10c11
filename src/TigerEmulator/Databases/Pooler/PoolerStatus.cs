namespace TigerEmulator.Databases.Pooler;

/// Whether enablePooler starts a real PgBouncer (the program found), and which one or why not: for the banner and the
/// control API.
public sealed record PoolerStatus(PgBouncerProgram? Program, string Description)
{
    public bool Enabled => Program is not null;
}
