namespace TigerEmulator.CommandLine;

/// What the command line asks for: help, the version, a control command against a running emulator, or to serve.
/// Settings are by configuration key; host arguments (--environment, --contentRoot, a Section:Key) go to ASP.NET as given.
public sealed record ParsedCommandLine(
    bool Help,
    bool Version,
    string? Verb,
    IReadOnlyList<string> Operands,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<string> HostArguments)
{
    public static readonly IReadOnlyList<string> Verbs = ["reset", "advance", "status"];

    // Host settings that ASP.NET reads from its own command line; WebApplicationFactory passes some of them too.
    private static readonly string[] HostKeys = ["applicationName", "contentRoot", "environment"];

    // Options are lower-case words; a configuration key given as ASP.NET spells it (--TIGER_EMULATOR_SEED=7,
    // --Logging:LogLevel:Default=Debug) goes to the host, as WebApplicationFactory hands over its settings that way.
    private static bool IsHostKey(string name, bool withValue) =>
        name.StartsWith("--", StringComparison.Ordinal)
        && (HostKeys.Contains(name[2..], StringComparer.OrdinalIgnoreCase) || (withValue && name.Any(c => char.IsUpper(c) || c is '_' or ':')));

    /// The option a user typed for a setting, or its variable when the value came from the environment.
    public string NameOf(string key) =>
        Settings.ContainsKey(key) && EmulatorSettings.ByKey(key) is { } setting ? setting.Option
        : EmulatorSettings.ByKey(key)?.Variable ?? key;

    public static ParsedCommandLine Parse(IReadOnlyList<string> args)
    {
        bool help = false, version = false;
        string? verb = null;
        var operands = new List<string>();
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var host = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "-?" or "--help")
            {
                help = true;
                continue;
            }

            if (arg == "--version")
            {
                version = true;
                continue;
            }

            if (!arg.StartsWith('-'))
            {
                if (verb is null && operands.Count == 0 && Verbs.Contains(arg))
                {
                    verb = arg;
                }
                else if (verb is not null)
                {
                    operands.Add(arg);
                }
                else
                {
                    throw new CommandLineException($"unexpected argument '{arg}'");
                }

                continue;
            }

            var equals = arg.IndexOf('=');
            var name = equals > 0 ? arg[..equals] : arg;
            string Value() => equals > 0 ? arg[(equals + 1)..]
                : i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i]
                : throw new CommandLineException($"{name} needs a value");

            if (EmulatorSettings.ByOption(name) is { } setting)
            {
                settings[setting.Key] = Value();
            }
            else if (IsHostKey(name, equals > 0))
            {
                host.Add($"{name}={Value()}");
            }
            else
            {
                throw new CommandLineException($"unknown option '{name}'");
            }
        }

        return new(help, version, verb, operands, settings, host);
    }
}
