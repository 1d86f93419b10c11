using TigerEmulator.Lifecycle;
using TigerEmulator.Services;

namespace TigerEmulator.LogsBench;

/// A service old enough for its primary's log to hold a given number of entries at the bench's rate, with an optional
/// number of stop/start cycles spread over its life (each adds four history entries and two bursts of lines).
public static class BenchService
{
    public static readonly DateTime Now = new(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);

    public static ServiceDocument Holding(long entries, double entriesPerMinute, int restarts = 0)
    {
        var age = TimeSpan.FromMinutes(entries / entriesPerMinute) + TimeSpan.FromSeconds(5);
        var created = Now - age;
        List<StatusChange> history = [new(created, "QUEUED", "create"), new(created.AddSeconds(2), "CONFIGURING", "create"), new(created.AddSeconds(4), "READY", "create")];
        for (var i = 1; i <= restarts; i++)
        {
            // A four-second pause in each cycle keeps the entry count close to the target.
            var stop = created + (age * i / (restarts + 1));
            history.AddRange([new(stop, "PAUSING", "stop"), new(stop.AddSeconds(2), "PAUSED", "stop"), new(stop.AddSeconds(2), "RESUMING", "start"), new(stop.AddSeconds(4), "READY", "start")]);
        }

        return new ServiceDocument { Id = $"bench{entries}r{restarts}", Created = created, Status = "READY", ServiceType = "TIMESCALEDB", History = history };
    }
}
