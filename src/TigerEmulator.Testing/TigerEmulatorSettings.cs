using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// A scenario given as its text (YAML or JSON, the format of <c>scenarios/README.md</c>), loaded at start; wins over
    /// <see cref="Scenario"/>.
    /// </summary>
    public string? ScenarioText { get; init; }

    /// <summary>Timing profile of every lifecycle step: <c>instant</c>, <c>fast</c> (the default, 2 s a step) or <c>realistic</c>.</summary>
    public string? Timing { get; init; }

    /// <summary>How many requests the journal keeps (0 turns it off); the emulator's default is 1000.</summary>
    public int? JournalSize { get; init; }

    /// <summary>
    /// Serve through Kestrel on a free port of 127.0.0.1 instead of in memory, so that a client in another process (the
    /// Tiger CLI, a Go, Python or Node client, curl) reaches it at <see cref="TigerEmulatorFactory.BaseAddress"/>.
    /// </summary>
    public bool RealPort { get; init; }

    /// <summary>
    /// Emulated time follows the system clock (steps complete on their own, as for a client that polls from another
    /// process) instead of standing still until <see cref="TigerEmulatorFactory.AdvanceAsync"/> moves it.
    /// </summary>
    public bool SystemClock { get; init; }

    /// <summary>Where emulated time starts.</summary>
    public DateTimeOffset StartTime { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A folder that keeps the emulator's state across restarts (<c>TIGER_EMULATOR_DATA_DIR</c>); null keeps it in
    /// memory. Two factories must not share a folder at the same time.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>
    /// Further settings by their environment variable name (<c>TIGER_EMULATOR_JOURNAL_SIZE</c>, …), applied last, so
    /// that they win over the properties above.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// Receives the emulator's log lines instead of the console, for example a test framework's output
    /// (<c>output.WriteLine</c>): Information and above from <c>TigerEmulator.*</c>, Warning and above from the rest.
    /// </summary>
    public Action<string>? Log { get; init; }

    /// <summary>
    /// Registers the test's own services after the emulator's: a lifecycle listener that holds a service while outside
    /// work is done (<c>ILifecycleListener</c>), or another endpoint allocator (remove the registered
    /// <c>IEndpointAllocator</c> first).
    /// </summary>
    public Action<IServiceCollection>? Services { get; init; }
}
