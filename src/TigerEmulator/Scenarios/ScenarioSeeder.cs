using TigerEmulator.Admin;
using TigerEmulator.Faults;
using TigerEmulator.Lifecycle;
using TigerEmulator.Storage;

namespace TigerEmulator.Scenarios;

/// Puts the active scenario in place after every reset (and so at start and on load): its seed, timing, faults and data.
public sealed class ScenarioSeeder(
    ActiveScenario active, IdGenerator ids, LifecycleTimings timings, EmulatorClock clock, FaultEngine faults, SeedWriter writer, EmulatorOptions options, Logs.LogKnobs logs)
    : IResetParticipant
{
    public void AfterReset()
    {
        ApplySettings();
        writer.Write(active.Scenario, active.Seed);
    }

    /// Everything but the data: what a restart on a data folder that already holds state needs.
    public void ApplySettings()
    {
        var scenario = active.Scenario;
        ids.Reset(active.Seed);
        timings.ClearOverrides();
        timings.Profile = scenario.Timing.Profile ?? options.TimingProfile;
        timings.Speed = scenario.Timing.Speed ?? options.ClockSpeed;
        foreach (var row in scenario.Timing.Overrides)
        {
            timings.Override(row.Action, row.Duration);
        }

        if (scenario.Timing.Clock is { } mode)
        {
            clock.SetManual(mode == "manual");
        }

        faults.Load(scenario.Faults, active.Seed);
        logs.Set(scenario.Logs.EntriesPerMinute, scenario.Logs.ErrorRatio);
    }
}
