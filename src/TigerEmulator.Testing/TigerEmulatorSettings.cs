namespace TigerEmulator.Testing;

/// <summary>How a <see cref="TigerEmulatorFactory"/> starts the emulator.</summary>
public sealed record TigerEmulatorSettings
{
    /// <summary>The public key of the seeded key pair.</summary>
    public string PublicKey { get; init; } = EmulatorOptions.DefaultPublicKey;

    /// <summary>The secret key of the seeded key pair.</summary>
    public string SecretKey { get; init; } = EmulatorOptions.DefaultSecretKey;

    /// <summary>The project the seeded key belongs to.</summary>
    public string ProjectId { get; init; } = EmulatorOptions.DefaultProjectId;

    /// <summary>Seed of generated ids and passwords: the same seed and calls give the same answers.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>A scenario to load at start: a name in scenarios/ or a path.</summary>
    public string? Scenario { get; init; }

    /// <summary>Where emulated time starts.</summary>
    public DateTimeOffset StartTime { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
