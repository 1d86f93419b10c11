namespace TigerEmulator.Logs;

/// What a steady-traffic line is about. Two kinds open a pair whose second line always follows them.
internal enum TrafficKind
{
    ConnectionReceived,
    ConnectionAuthorized,
    Disconnection,
    CheckpointStarting,
    CheckpointComplete,
    AutoVacuum,
    AutoAnalyze,
    SlowStatement,
    TemporaryFile,
    LockWait,
    RecoveryRestartPoint,
    TimescaleJob,
    Warning,
    Error,
    Fatal,
}
