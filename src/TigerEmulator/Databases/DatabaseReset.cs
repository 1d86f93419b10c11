using TigerEmulator.Admin;

namespace TigerEmulator.Databases;

/// A reset or a scenario load throws the services away: their servers are stopped and removed first.
public sealed class DatabaseReset(DatabaseFleet fleet, StandbyFleet standbys, DatabasePorts ports) : IResetParticipant
{
    public async Task BeforeResetAsync(CancellationToken cancellationToken)
    {
        await standbys.RemoveAllAsync(cancellationToken);
        await fleet.RemoveAllAsync(cancellationToken);
        ports.ReleaseAll();
    }
}
