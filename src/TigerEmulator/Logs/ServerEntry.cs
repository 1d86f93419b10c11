namespace TigerEmulator.Logs;

/// One line of a real server's log as the API shows it: on the emulated clock, its severity one of the log's words,
/// its message with PostgreSQL's extra lines (DETAIL, HINT, CONTEXT, STATEMENT) after it, passwords hidden.
internal sealed record ServerEntry(DateTime Stamp, string Severity, string Message, int Pid);
