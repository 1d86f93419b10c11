using static TigerEmulator.Logs.ScriptLine;

namespace TigerEmulator.Logs;

/// What PostgreSQL writes when it starts: a primary ends with "ready to accept connections", a replica streams WAL.
internal static class StartupScripts
{
    private static readonly ScriptLine[] Listening =
    [
        Log("starting PostgreSQL 17.5 on x86_64-pc-linux-gnu, compiled by gcc (Ubuntu 13.3.0-6ubuntu2~24.04) 13.3.0, 64-bit"),
        Log("listening on IPv4 address \"0.0.0.0\", port 5432"),
        Log("listening on IPv6 address \"::\", port 5432"),
        Log("listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\""),
    ];

    private static readonly ScriptLine[] Ready =
    [
        Log("database system is ready to accept connections"),
        Log(f => f.Timescale ? "TimescaleDB background worker launcher connected to shared catalogs" : "logical replication launcher started"),
    ];

    /// After a clean shutdown (a new service, a start, the end of a resize).
    public static readonly ScriptLine[] Primary = [.. Listening, Log(f => $"database system was shut down at {f.PreviousText}"), .. Ready];

    /// A fork starts from a copy of its parent that was taken while running, so it recovers first.
    public static readonly ScriptLine[] Restored =
    [
        .. Listening,
        Log(f => $"database system was interrupted; last known up at {f.PreviousText}"),
        .. Recovery.Redo,
        .. Ready,
    ];

    public static readonly ScriptLine[] Replica =
    [
        .. Listening,
        Log(f => $"database system was shut down in recovery at {f.PreviousText}"),
        Log("entering standby mode"),
        Log(f => $"redo starts at {f.LsnText}"),
        Log(f => $"consistent recovery state reached at {f.LaterLsnText}"),
        Log("database system is ready to accept read-only connections"),
        Recovery.Streaming,
    ];
}
