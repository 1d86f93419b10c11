using static TigerEmulator.Logs.ScriptLine;

namespace TigerEmulator.Logs;

/// What each node writes when the primary fails: the old primary crashes and comes back as a standby (or, alone,
/// recovers in place), the first replica is promoted, and the other replicas follow it onto the new timeline.
internal static class FailoverScripts
{
    private static readonly ScriptLine[] Crash =
    [
        Log(f => $"server process (PID {f.ChildPid}) was terminated by signal 9: Killed"),
        Log("terminating any other active server processes"),
        Log("all server processes terminated; reinitializing"),
        Log(f => $"database system was interrupted; last known up at {f.PreviousText}"),
    ];

    public static readonly ScriptLine[] RecoveredInPlace = [.. Crash, .. Recovery.Redo, Log("database system is ready to accept connections")];

    public static readonly ScriptLine[] Demoted =
    [
        .. Crash,
        Log("entering standby mode"),
        Log(f => $"redo starts at {f.LsnText}"),
        Log("database system is ready to accept read-only connections"),
        Recovery.Streaming,
    ];

    public static readonly ScriptLine[] Promoted =
    [
        Log("received promote request"),
        new("FATAL", _ => "terminating walreceiver process due to administrator command"),
        Log(f => $"redo done at {f.LsnText} system usage: CPU: user: 0.00 s, system: 0.00 s, elapsed: 0.01 s"),
        Log(f => $"selected new timeline ID: {f.TimelineId}"),
        Log("archive recovery complete"),
        Log("database system is ready to accept connections"),
    ];

    public static readonly ScriptLine[] Following =
    [
        Log(f => $"replication terminated by primary server\nDETAIL:  End of WAL reached on timeline {f.TimelineId - 1} at {f.LsnText}."),
        Log(f => $"fetching timeline history file for timeline {f.TimelineId} from primary server"),
        Log(f => $"new target timeline is {f.TimelineId}"),
        Recovery.Streaming,
    ];
}
