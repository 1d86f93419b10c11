using TigerEmulator.Auth;
using TigerEmulator.Lifecycle;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Storage;
using TigerEmulator.Vpcs;

namespace TigerEmulator.Admin;

/// Something that puts back its part of the initial state after the stores are emptied (a scenario's seed data, say).
public interface IResetParticipant
{
    void AfterReset();
}

/// Returns the emulator to its initial state: empty stores, the seeded key, the first id sequence, no overrides.
/// The clock is left alone: emulated time never runs backwards.
public sealed class EmulatorReset(
    IStore<ServiceDocument> services,
    IStore<ReplicaSetDocument> replicaSets,
    IStore<VpcDocument> vpcs,
    IStore<PeeringDocument> peerings,
    IStore<ApiKeyDocument> keys,
    IStore<ProjectDocument> projects,
    ApiKeyRegistry registry,
    IdGenerator ids,
    LifecycleTimings timings,
    EmulatorOptions options,
    StateLock state,
    IEnumerable<IResetParticipant> participants)
{
    public void Reset()
    {
        state.Run(() =>
        {
            replicaSets.DeleteAll();
            services.DeleteAll();
            peerings.DeleteAll();
            vpcs.DeleteAll();
            keys.DeleteAll();
            projects.DeleteAll();
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
