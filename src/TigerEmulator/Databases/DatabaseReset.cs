using TigerEmulator.Admin;
using TigerEmulator.Databases.Pooler;

namespace TigerEmulator.Databases;

/// A reset or a scenario load throws the services away: their servers are stopped and removed first.
public sealed class DatabaseReset(DatabaseFleet fleet, StandbyFleet standbys, PoolerFleet poolers, DatabasePorts ports) : IResetParticipant
{
    public async Task BeforeResetAsync(CancellationToken cancellationToken)
    {
        await poolers.RemoveAllAsync();
        await standbys.RemoveAllAsync(cancellationToken);
        await fleet.RemoveAllAsync(cancellationToken);
        ports.ReleaseAll();
    }
}
