namespace TigerEmulator.CommandLine;

/// The tiger-emulator command: help, version, a control command, or the server. Exit codes: 0 done, 1 the emulator or
/// the command failed, 2 the command line was refused.
public static class EmulatorCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        ParsedCommandLine commandLine;
        try
        {
            commandLine = ParsedCommandLine.Parse(args);
        }
        catch (CommandLineException refused)
        {
            await Console.Error.WriteLineAsync($"{UsageText.Command}: {refused.Message}; see {UsageText.Command} --help");
            return 2;
        }

        if (commandLine.Help)
        {
            Console.Out.Write(UsageText.Help());
            return 0;
        }

        if (commandLine.Version)
        {
            Console.Out.WriteLine($"{UsageText.Command} {UsageText.Version}");
            return 0;
        }

        if (commandLine.Verb is null)
        {
            return await EmulatorHost.ServeAsync(commandLine);
        }

        try
        {
            return await ControlCommands.RunAsync(commandLine, Console.Out);
        }
        catch (Exception failed) when (failed is ControlException or SettingException or CommandLineException)
        {
            var line = failed is CommandLineException ? $"{failed.Message}; see {UsageText.Command} --help" : failed.Message;
            await Console.Error.WriteLineAsync($"{UsageText.Command}: {line}");
            return failed is CommandLineException ? 2 : 1;
        }
    }
}
