namespace TigerEmulator;

/// A setting the emulator cannot start with. It names the setting by its environment variable; the command line
/// renames it to the option when that is where the value came from, so that the one line a user reads names what
/// they typed.
public sealed class SettingException(string variable, string problem) : Exception(variable + problem)
{
    /// The environment variable (also the configuration key) of the setting.
    public string Variable { get; } = variable;

    /// Everything after the setting's name: " must be a whole number, not 'abc'".
    public string Problem { get; } = problem;

    public static SettingException NotAccepted(string variable, string value, string accepted) =>
        new(variable, $" must be {accepted}, not '{value}'");
}
