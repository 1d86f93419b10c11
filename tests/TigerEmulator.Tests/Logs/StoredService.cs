using TigerEmulator.Lifecycle;
using TigerEmulator.Logs;
using TigerEmulator.Services;

namespace TigerEmulator.Tests.Logs;

/// A service document with a hand-written history, for reading its log without hosting the emulator.
internal static class StoredService
{
    public static readonly DateTime Created = new(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);

    /// Created, ready four seconds later, then the given status changes.
    public static ServiceDocument With(int replicas = 0, params StatusChange[] changes) => new()
    {
        Id = "svc0000001",
        Created = Created,
        Status = "READY",
        ServiceType = "TIMESCALEDB",
        HaReplicaCount = replicas,
        History = [new(Created, "QUEUED", "create"), new(Created.AddSeconds(2), "CONFIGURING", "create"), new(Created.AddSeconds(4), "READY", "create"), .. changes],
    };

    /// The node's whole log, oldest first.
    public static List<LogLine> Log(ServiceDocument service, int node, DateTime now, LogSettings? settings = null)
    {
        var timeline = LogTimeline.For(service, node, now, settings ?? new LogSettings());
        return timeline.Descending(timeline.Count, 0).Reverse().ToList();
    }
}
