using TigerEmulator.Auth;
using TigerEmulator.Lifecycle;
using TigerEmulator.Storage;

namespace TigerEmulator.Admin;

/// Takes part in a reset: stops what it runs for the state about to go (before), or puts back its part of the initial
/// state once the stores are empty (after: a scenario's seed data, say).
public interface IResetParticipant
{
    /// Runs before the stores are emptied, outside the state lock, so it may wait on outside work.
    Task BeforeResetAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// Runs under the state lock once every store is empty.
    void AfterReset()
    {
    }
}

/// Returns the emulator to its initial state: every registered kind emptied, the seeded key, the first id sequence, no
/// overrides, no holds. The clock is left alone: emulated time never runs backwards.
public sealed class EmulatorReset(
    TransitionTable table,
    ResourceLifecycle lifecycle,
    ApiKeyRegistry registry,
    IdGenerator ids,
    LifecycleTimings timings,
    EmulatorOptions options,
    StateLock state,
    IEnumerable<IResetParticipant> participants)
{
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        foreach (var participant in participants)
        {
            await participant.BeforeResetAsync(cancellationToken);
        }

        state.Run(() =>
        {
            lifecycle.AbandonHolds();
            foreach (var kind in table.Kinds)
            {
                kind.DeleteAll();
            }

            ids.Reset(options.Seed);
            timings.Reset();
            registry.SeedDefaults();
            foreach (var participant in participants)
            {
                participant.AfterReset();
            }

            return true;
        });
    }
}
