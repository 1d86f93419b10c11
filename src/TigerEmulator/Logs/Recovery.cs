using static TigerEmulator.Logs.ScriptLine;

namespace TigerEmulator.Logs;

/// Lines that crash recovery and WAL streaming share between scripts.
internal static class Recovery
{
    public static readonly ScriptLine[] Redo =
    [
        Log("database system was not properly shut down; automatic recovery in progress"),
        Log(f => $"redo starts at {f.LsnText}"),
        Log(f => $"redo done at {f.LaterLsnText} system usage: CPU: user: 0.{f.Buffers % 90:00} s, system: 0.01 s, elapsed: 0.{f.Buffers % 97:00} s"),
        Log("checkpoint starting: end-of-recovery immediate wait"),
        Log(f => $"checkpoint complete: {f.CheckpointStats}"),
    ];

    public static readonly ScriptLine Streaming = Log(f => $"started streaming WAL from primary at {f.LsnText} on timeline {f.TimelineId}");
}
