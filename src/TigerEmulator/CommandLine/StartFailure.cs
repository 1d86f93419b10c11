using Microsoft.AspNetCore.Connections;
using TigerEmulator.Reading;
using TigerEmulator.Storage;

namespace TigerEmulator.CommandLine;

/// Turns what stopped the emulator from starting into the one line a user reads on stderr: the setting (as they gave
/// it), the value and what is accepted. The stack trace is only for --Logging:LogLevel:Default=Debug.
public static class StartFailure
{
    public static string Describe(Exception exception, ParsedCommandLine commandLine, ListenAddresses? addresses)
    {
        var cause = Innermost(exception);
        var line = cause switch
        {
            SettingException setting => commandLine.NameOf(setting.Variable) + setting.Problem,
            CommandLineException refused => $"{refused.Message}; see {UsageText.Command} --help",
            // A data folder that is damaged, locked or unreadable: its own line already says the way out.
            DataFolderException folder => $"{commandLine.NameOf("TIGER_EMULATOR_DATA_DIR")}: {folder.Message}",
            DocumentException scenario => $"{commandLine.NameOf("TIGER_EMULATOR_SCENARIO")}: {scenario.Message}",
            AddressInUseException inUse when addresses is not null =>
                $"cannot listen where {addresses.Source} says ({addresses.Urls ?? "its address"}): {inUse.Message.TrimEnd('.')}; choose another port with --port or --urls",
            IOException bind when bind.Message.StartsWith("Failed to bind", StringComparison.Ordinal) && addresses is not null =>
                $"{bind.Message.TrimEnd('.')} (set by {addresses.Source}); choose another port with --port or --urls",
            _ => $"could not start: {cause.Message}",
        };
        return $"{UsageText.Command}: {line.ReplaceLineEndings(" ").Trim()}";
    }

    // The host wraps what a hosted service or the server threw; the user needs the first cause that says something.
    private static Exception Innermost(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    break;
                case System.Reflection.TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    break;
                case IOException { InnerException: AddressInUseException inUse }:
                    return inUse;
                case InvalidOperationException { InnerException: SettingException setting }:
                    return setting;
                default:
                    return exception;
            }
        }
    }
}
