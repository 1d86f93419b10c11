using static TigerEmulator.Logs.ScriptLine;

namespace TigerEmulator.Logs;

/// What PostgreSQL writes on a fast shutdown (pg_ctl stop -m fast), which is how the platform stops and resizes a node.
internal static class ShutdownScripts
{
    public static readonly ScriptLine[] Primary =
    [
        Log("received fast shutdown request"),
        Log("aborting any active transactions"),
        new("FATAL", _ => "terminating connection due to administrator command"),
        Log(f => f.Timescale
            ? $"background worker \"TimescaleDB Background Worker Launcher\" (PID {f.ChildPid}) exited with exit code 1"
            : $"background worker \"logical replication launcher\" (PID {f.ChildPid}) exited with exit code 1"),
        Log("shutting down"),
        Log("checkpoint starting: shutdown immediate"),
        Log(f => $"checkpoint complete: {f.CheckpointStats}"),
        Log("database system is shut down"),
    ];

    public static readonly ScriptLine[] Replica =
    [
        Log("received fast shutdown request"),
        Log("aborting any active transactions"),
        new("FATAL", _ => "terminating walreceiver process due to administrator command"),
        Log("shutting down"),
        Log("restartpoint starting: shutdown immediate"),
        Log(f => $"restartpoint complete: {f.CheckpointStats}"),
        Log(f => $"recovery restart point at {f.LaterLsnText}"),
        Log("database system is shut down"),
    ];
}
