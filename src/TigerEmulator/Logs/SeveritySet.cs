namespace TigerEmulator.Logs;

/// PostgreSQL's severities as its log writes them, as a set: what a line may be, what a piece of the log can hold, what
/// a filter admits. PostgreSQL writes DEBUG for each of its levels DEBUG1 to DEBUG5.
[Flags]
internal enum SeveritySet
{
    None = 0,
    Debug = 1,
    Log = 2,
    Info = 4,
    Notice = 8,
    Warning = 16,
    Error = 32,
    Fatal = 64,
    Panic = 128,
}

internal static class SeverityNames
{
    /// The names a filter accepts, in PostgreSQL's order, for the message that refuses another.
    public const string Accepted = "DEBUG1 to DEBUG5 (or DEBUG), LOG, INFO, NOTICE, WARNING, ERROR, FATAL or PANIC, in any case";

    /// The severity a line is written with; generated lines only ever carry these words.
    public static SeveritySet Of(string written) => written switch
    {
        "LOG" => SeveritySet.Log,
        "INFO" => SeveritySet.Info,
        "WARNING" => SeveritySet.Warning,
        "ERROR" => SeveritySet.Error,
        "FATAL" => SeveritySet.Fatal,
        "NOTICE" => SeveritySet.Notice,
        "PANIC" => SeveritySet.Panic,
        "DEBUG" => SeveritySet.Debug,
        _ => SeveritySet.None,
    };

    /// A filter's name for a severity, any case: the log's words, and PostgreSQL's DEBUG1 to DEBUG5 for DEBUG.
    public static SeveritySet Named(string name) => name.ToUpperInvariant() switch
    {
        "DEBUG1" or "DEBUG2" or "DEBUG3" or "DEBUG4" or "DEBUG5" => SeveritySet.Debug,
        var upper => Of(upper),
    };
}
