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

    public static EmulatorOptions From(IConfiguration configuration) => new()
    {
        DataDir = Read(configuration, "TIGER_EMULATOR_DATA_DIR"),
        PublicKey = Read(configuration, "TIGER_EMULATOR_PUBLIC_KEY") ?? DefaultPublicKey,
        SecretKey = Read(configuration, "TIGER_EMULATOR_SECRET_KEY") ?? DefaultSecretKey,
        ProjectId = Read(configuration, "TIGER_EMULATOR_PROJECT_ID") ?? DefaultProjectId,
        Seed = int.TryParse(Read(configuration, "TIGER_EMULATOR_SEED"), out var seed) ? seed : 1,
    };

    private static string? Read(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }
}
