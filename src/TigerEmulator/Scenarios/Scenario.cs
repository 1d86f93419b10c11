using TigerEmulator.Faults;
using TigerEmulator.Lifecycle;

namespace TigerEmulator.Scenarios;

/// A validated scenario: everything the emulator starts from, and returns to on reset. Built only by
/// <see cref="ScenarioReader"/>, which refuses a scenario whole rather than keep part of it.
public sealed record Scenario(
    string Name,
    string Source,
    string? Description,
    int? Seed,
    ScenarioTiming Timing,
    IReadOnlyList<SeedProject> Projects,
    IReadOnlyList<SeedApiKey> ApiKeys,
    IReadOnlyList<SeedUser> Users,
    IReadOnlyList<SeedToken> Tokens,
    IReadOnlyList<SeedVpc> Vpcs,
    IReadOnlyList<SeedPeering> Peerings,
    IReadOnlyList<SeedService> Services,
    IReadOnlyList<SeedReplicaSet> ReplicaSets,
    ScenarioGeneration? Generate,
    IReadOnlyList<FaultRule> Faults,
    ScenarioLogs Logs)
{
    /// What runs when no scenario is named: the default project and key, nothing else (scenarios/default.yml says the same).
    public static readonly Scenario Default = new("default", "built-in", "One empty project and the documented key.", null,
        ScenarioTiming.Unchanged, [], [], [], [], [], [], [], [], null, [], ScenarioLogs.Unchanged);
}

/// Timing for the scenario's lifecycle; null fields keep the emulator's settings (TIGER_EMULATOR_TIMING and friends).
public sealed record ScenarioTiming(string? Profile, double? Speed, string? Clock, IReadOnlyList<TimingOverride> Overrides)
{
    public static readonly ScenarioTiming Unchanged = new(null, null, null, []);
}

/// Service log knobs; null fields keep the "Logs" configuration.
public sealed record ScenarioLogs(double? EntriesPerMinute, double? ErrorRatio)
{
    public static readonly ScenarioLogs Unchanged = new(null, null);
}

/// A fixed per-step duration for one action, or <see cref="LifecycleTimings.Held"/>.
public sealed record TimingOverride(LifecycleAction Action, TimeSpan Duration);

/// Resources made with Bogus from the seed, on top of the declared ones: same seed, same resources.
public sealed record ScenarioGeneration(string Project, int Services, int Vpcs, int Peerings, int ReplicaSets);
