using TigerEmulator.Admin;
using TigerEmulator.Lifecycle;
using TigerEmulator.Storage;

namespace TigerEmulator.Scenarios;

/// Puts the configured scenario in place when the emulator starts. A broken scenario throws here, before the
/// emulator serves anything, with the message that names the file, the place and the field.
public sealed class ScenarioStartup(
    EmulatorOptions options,
    ScenarioLoader loader,
    ActiveScenario active,
    EmulatorReset reset,
    ScenarioSeeder seeder,
    TransitionTable table,
    IdGenerator ids,
    ILogger<ScenarioStartup> logger)
{
    public async Task StartAsync()
    {
        if (options.Scenario is { } name)
        {
            active.Set(new ActiveScenario.Loaded(loader.Load(name), null));
        }

        // A data folder that already holds state is a restart: keep the state, take only the scenario's settings.
        if (table.Kinds.All(kind => kind.Count() <= kind.StartsWith))
        {
            await reset.ResetAsync();
        }
        else
        {
            seeder.ApplySettings();
            // The seeded sequence already made the stored ids; replaying it would hand them out again.
            ids.Reset(Random.Shared.Next());
            logger.LogInformation("The data folder already holds state; scenario '{Scenario}' seeds no data over it", active.Scenario.Name);
        }

        logger.LogInformation("Scenario '{Scenario}' ({Source}) with seed {Seed}", active.Scenario.Name, active.Scenario.Source, active.Seed);
    }
}
