namespace TigerEmulator.Logs;

/// What stands before a generated message: when it was written, by which process, at which severity. The message
/// itself goes into a LineText.
internal readonly record struct LogStamp(DateTime Timestamp, string Severity, int Pid);

/// One generated line with its message as a string, for reading a log in process (tests, diagnostics); pages write
/// stamps and UTF-8 messages straight to JSON instead. A message may carry PostgreSQL's extra lines: tab-indented ones
/// belong to the message, DETAIL/HINT/CONTEXT/STATEMENT ones are written with their own prefix, as PostgreSQL does.
internal readonly record struct LogLine(DateTime Timestamp, string Severity, string Message, int Pid)
{
    public LogStamp Stamp => new(Timestamp, Severity, Pid);

    /// The line as PostgreSQL writes it with log_line_prefix '%m [%p] '.
    public string ToText()
    {
        using var message = new LineText();
        message.Append(Message);
        using var text = new LineText();
        PlainLine.Write(Stamp, message.Written, text);
        return text.ToString();
    }
}
