namespace TigerEmulator.Lifecycle;

/// What entering a status does to the database process behind the resource. The generated logs write their lines
/// from it, and a real server behind a service is started and stopped by it; None leaves the process as it is.
public enum ServerEffect
{
    None,

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
}
