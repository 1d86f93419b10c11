using TigerEmulator.Lifecycle;

namespace TigerEmulator.Logs;

/// What a recorded status change does to the database process on every node. Read it as the documentation of which
/// lifecycle steps write log lines; changes not listed (QUEUED, PAUSED, setHA, VPC moves…) leave the process as it is.
internal enum NodeEvent
{
    /// Starts for the first time: a new service.
    StartFresh,

    /// Starts from a copy of another service: a fork.
    StartRestored,

    /// Starts again after a clean shutdown: a start, or the end of a resize.
    Restart,

    /// Shuts down cleanly: a stop, or the beginning of a resize.
    Stop,

    /// Goes away without a word: a deletion.
    Halt,

    /// The primary fails and a replica takes over.
    Failover,
}

internal static class NodeEvents
{
    public static NodeEvent? For(StatusChange change) => (change.Action, change.Status) switch
    {
        // A scenario can seed a service that is already running; it starts fresh at the moment it is seeded.
        ("create", "READY") or ("scenario", "READY") => NodeEvent.StartFresh,
        ("fork", "READY") => NodeEvent.StartRestored,
        ("start", "READY") or ("resize", "READY") or ("recover", "READY") => NodeEvent.Restart,
        ("stop", "PAUSING") or ("resize", "CONFIGURING") => NodeEvent.Stop,
        ("delete", "DELETING") => NodeEvent.Halt,
        ("failover", _) => NodeEvent.Failover,
        _ => null,
    };
}
