using Microsoft.Extensions.Logging;

namespace TigerEmulator.Testing;

/// Writes each log entry as one line to a test's output, so that a failing test shows what the server did.
internal sealed class LineLoggerProvider(Action<string> write) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new LineLogger(categoryName, write);

    public void Dispose()
    {
    }

    private sealed class LineLogger(string category, Action<string> write) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)}";
            try
            {
                write(exception is null ? line : $"{line}\n{exception}");
            }
            catch (InvalidOperationException)
            {
                // The test whose output this was has ended; a late background line has nowhere to go.
            }
        }
    }
}
