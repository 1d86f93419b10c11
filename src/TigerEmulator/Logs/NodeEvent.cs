using TigerEmulator.Lifecycle;
using TigerEmulator.Services;

namespace TigerEmulator.Logs;

/// What a recorded status change does to the database process on every node, as the generated logs tell it: the
/// transition table's server effects, and a failover, which only the logs know of.
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
    /// Read off the transition table's rows: what entering the status did to the database process (see ServerEffect).
    public static NodeEvent? For(StatusChange change) => change.Action switch
    {
        "failover" => NodeEvent.Failover,

        // A scenario can seed a service that is already running; it starts fresh at the moment it is seeded.
        LifecycleEvent.Seeded => change.Status == ServiceStatus.Ready ? NodeEvent.StartFresh : null,
        _ => ServiceLifecycle.Find(change.Action)?.EffectOf(change.Status) switch
        {
            ServerEffect.StartFresh => NodeEvent.StartFresh,
            ServerEffect.StartRestored => NodeEvent.StartRestored,
            ServerEffect.Restart => NodeEvent.Restart,
            ServerEffect.Stop => NodeEvent.Stop,
            ServerEffect.Halt => NodeEvent.Halt,
            _ => null,
        },
    };
}
