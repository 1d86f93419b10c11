namespace TigerEmulator.Lifecycle;

/// A change one resource went through, told to listeners once it is stored. <see cref="From"/> is null for a new or
/// seeded resource, <see cref="To"/> null for one that is gone; both are the same for a change that is not a
/// transition (a new password). <see cref="Effect"/> says what the change does to the resource's database process.
public sealed record LifecycleEvent(
    string Kind, string Id, string? ProjectId, string? From, string? To, string Action, DateTime At, ServerEffect Effect)
{
    /// The password the change set (create, fork, updatePassword), handed over once: it is never stored or logged.
    public Secret? Password { get; init; }

    /// A scenario's SQL for the service's new database, handed over with its seeding only (see the scenario's `sql`).
    public string? SetupSql { get; init; }

    public const string Seeded = "scenario";
    public const string Faulted = "fault";
    public const string HoldFailed = "failed";

    /// Announced (no step of the table) when enablePooler or disablePooler changes a service or a replica set: the
    /// pooler follows the flag.
    public const string PoolerChanged = "pooler";
}
