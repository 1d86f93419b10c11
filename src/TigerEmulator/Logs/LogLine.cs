namespace TigerEmulator.Logs;

/// One generated line. A message may carry PostgreSQL's extra lines: tab-indented ones belong to the message,
/// DETAIL/HINT/CONTEXT/STATEMENT ones are written with their own prefix, as PostgreSQL does.
internal readonly record struct LogLine(DateTime Timestamp, string Severity, string Message, int Pid)
{
    public LogEntry ToEntry() => new(Timestamp, Message, Severity);

    /// The line as PostgreSQL writes it with log_line_prefix '%m [%p] '.
    public string ToText()
    {
        var prefix = $"{Timestamp:yyyy-MM-dd HH:mm:ss.fff} UTC [{Pid}] ";
        var text = $"{prefix}{Severity}:  {Message}";
        return Message.Contains('\n') ? text.Replace("\n", "\n" + prefix).Replace("\n" + prefix + "\t", "\n\t") : text;
    }
}
