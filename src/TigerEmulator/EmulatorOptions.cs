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

    public static EmulatorOptions From(IConfiguration configuration) => new()
    {
        DataDir = Read(configuration, "TIGER_EMULATOR_DATA_DIR"),
        PublicKey = Read(configuration, "TIGER_EMULATOR_PUBLIC_KEY") ?? DefaultPublicKey,
        SecretKey = Read(configuration, "TIGER_EMULATOR_SECRET_KEY") ?? DefaultSecretKey,
        ProjectId = Read(configuration, "TIGER_EMULATOR_PROJECT_ID") ?? DefaultProjectId,
        Seed = int.TryParse(Read(configuration, "TIGER_EMULATOR_SEED"), out var seed) ? seed : 1,
        ManualClock = ReadChoice(configuration, "TIGER_EMULATOR_CLOCK", ["realtime", "manual"]) == "manual",
        ClockSpeed = ReadSpeed(configuration),
        TimingProfile = ReadChoice(configuration, "TIGER_EMULATOR_TIMING", Lifecycle.TimingProfiles.Names) ?? Lifecycle.TimingProfiles.Fast,
    };

    // A typo in a setting should stop the emulator at start, not be ignored.
    private static string? ReadChoice(IConfiguration configuration, string key, IReadOnlyCollection<string> allowed)
    {
        var value = Read(configuration, key)?.ToLowerInvariant();
        return value is null || allowed.Contains(value)
            ? value
            : throw new InvalidOperationException($"{key} must be one of {string.Join(", ", allowed)}, not '{value}'");
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
            : throw new InvalidOperationException($"TIGER_EMULATOR_CLOCK_SPEED must be a number above 0, not '{text}'");
    }

    private static string? Read(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
