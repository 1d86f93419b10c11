namespace TigerEmulator.CommandLine;

/// One setting of the emulator, in the three spellings a user may give it: a command-line option, an environment
/// variable, and the configuration key the code reads (for the emulator's own settings, the variable itself).
public sealed record EmulatorSetting(string Key, string Option, string Variable, string ValueName, string Default, string Meaning)
{
    private const string Prefix = "TIGER_EMULATOR_";

    /// A setting of the emulator's own: TIGER_EMULATOR_DATA_DIR is read under that key and given as --data-dir.
    public static EmulatorSetting Tiger(string name, string valueName, string @default, string meaning) =>
        new(Prefix + name, "--" + name.ToLowerInvariant().Replace('_', '-'), Prefix + name, valueName, @default, meaning);
}
