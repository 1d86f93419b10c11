namespace TigerEmulator.CommandLine;

/// While the emulator starts, the host and Kestrel log a failure with its stack trace before they throw it; the
/// command line prints it as one line instead, so their errors are dropped until the emulator is serving (and kept
/// when the log level is Debug, where the trace is wanted). Otherwise they log what appsettings.json gives
/// Microsoft's categories: warnings and above.
public sealed class StartupLogFilter
{
    public static readonly string[] FailureCategories = ["Microsoft.Extensions.Hosting.Internal.Host", "Microsoft.AspNetCore.Server.Kestrel"];

    private volatile bool started;

    public void Started() => started = true;

    public bool Allows(LogLevel level) => level >= LogLevel.Warning && (started || level < LogLevel.Error);
}
