namespace TigerEmulator;

/// Everything the emulator reads from its environment, in one place (see the README's configuration table).
public sealed class EmulatorOptions
{
    public const string DefaultPublicKey = "tiger-emulator-public-key";
    public const string DefaultSecretKey = "tiger-emulator-secret-key";
    public const string DefaultProjectId = "emuproject";

    public string? DataDir { get; init; }

    public string PublicKey { get; init; } = DefaultPublicKey;

    public string SecretKey { get; init; } = DefaultSecretKey;

    public string ProjectId { get; init; } = DefaultProjectId;

    public int Seed { get; init; } = 1;

    /// TIGER_EMULATOR_CLOCK=manual: emulated time stands still until POST /_emulator/clock/advance.
    public bool ManualClock { get; init; }

    /// TIGER_EMULATOR_CLOCK_SPEED: every lifecycle duration is divided by it; timestamps stay on real time.
    public double ClockSpeed { get; init; } = 1;

    /// TIGER_EMULATOR_TIMING: instant, fast (default) or realistic.
    public string TimingProfile { get; init; } = Lifecycle.TimingProfiles.Fast;

    /// TIGER_EMULATOR_SCENARIO (or --scenario): a scenario name from the scenarios folder, or a path to a scenario file.
    public string? Scenario { get; init; }

    /// TIGER_EMULATOR_SCENARIOS_DIR: searched first when a scenario is named.
    public string? ScenariosDir { get; init; }

    /// TIGER_EMULATOR_ADMIN_TOKEN: when set, the control API (all but /_emulator/health) asks for it.
    public string? AdminToken { get; init; }

    /// TIGER_EMULATOR_JOURNAL_SIZE: how many requests the journal keeps, newest first (0 turns it off).
    public int JournalSize { get; init; } = 1000;

    public static EmulatorOptions From(IConfiguration configuration) => new()
    {
        DataDir = Read(configuration, "TIGER_EMULATOR_DATA_DIR"),
        PublicKey = Read(configuration, "TIGER_EMULATOR_PUBLIC_KEY") ?? DefaultPublicKey,
        SecretKey = Read(configuration, "TIGER_EMULATOR_SECRET_KEY") ?? DefaultSecretKey,
        ProjectId = Read(configuration, "TIGER_EMULATOR_PROJECT_ID") ?? DefaultProjectId,
        Seed = ReadSeed(configuration),
        ManualClock = ReadChoice(configuration, "TIGER_EMULATOR_CLOCK", ["realtime", "manual"]) == "manual",
        ClockSpeed = ReadSpeed(configuration),
        TimingProfile = ReadChoice(configuration, "TIGER_EMULATOR_TIMING", Lifecycle.TimingProfiles.Names) ?? Lifecycle.TimingProfiles.Fast,
        Scenario = Read(configuration, "TIGER_EMULATOR_SCENARIO"),
        ScenariosDir = Read(configuration, "TIGER_EMULATOR_SCENARIOS_DIR"),
        AdminToken = Read(configuration, "TIGER_EMULATOR_ADMIN_TOKEN"),
        JournalSize = ReadCount(configuration, "TIGER_EMULATOR_JOURNAL_SIZE", 1000),
    };

    private static int ReadCount(IConfiguration configuration, string key, int fallback)
    {
        var text = Read(configuration, key);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count)
            ? count
            : throw SettingException.NotAccepted(key, text, "a whole number of 0 or more");
    }

    private static int ReadSeed(IConfiguration configuration)
    {
        var text = Read(configuration, "TIGER_EMULATOR_SEED");
        if (text is null)
        {
            return 1;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw SettingException.NotAccepted("TIGER_EMULATOR_SEED", text, "a whole number");
    }

    // A typo in a setting should stop the emulator at start, not be ignored.
    private static string? ReadChoice(IConfiguration configuration, string key, IReadOnlyCollection<string> allowed)
    {
        var value = Read(configuration, key)?.ToLowerInvariant();
        return value is null || allowed.Contains(value)
            ? value
            : throw SettingException.NotAccepted(key, value, "one of " + string.Join(", ", allowed));
    }

    private static double ReadSpeed(IConfiguration configuration)
    {
        var text = Read(configuration, "TIGER_EMULATOR_CLOCK_SPEED");
        if (text is null)
        {
            return 1;
        }

        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var speed) && speed > 0
            ? speed
            : throw SettingException.NotAccepted("TIGER_EMULATOR_CLOCK_SPEED", text, "a number above 0");
    }

    private static string? Read(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
