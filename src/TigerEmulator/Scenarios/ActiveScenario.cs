namespace TigerEmulator.Scenarios;

/// The scenario the emulator runs and resets to. The seed is the one given when it was loaded, else the
/// scenario's own, else TIGER_EMULATOR_SEED.
public sealed class ActiveScenario(EmulatorOptions options)
{
    private volatile Loaded current = new(Scenario.Default, null);

    public Scenario Scenario => current.Scenario;

    public int Seed => current.SeedOverride ?? current.Scenario.Seed ?? options.Seed;

    public Loaded Current => current;

    public void Set(Loaded loaded) => current = loaded;

    public sealed record Loaded(Scenario Scenario, int? SeedOverride);
}
