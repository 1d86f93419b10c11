using TigerEmulator.Lifecycle;
using TigerEmulator.Logs;

namespace TigerEmulator.Tests.Logs;

/// A failover recorded in the history: the old primary crashes and follows as a standby, the replica is promoted, and
/// from then on each writes the other's kind of everyday lines.
public sealed class LogFailoverTests
{
    private static readonly DateTime FailedAt = StoredService.Created.AddHours(6);

    [Fact]
    public void Failover_PromotesTheReplica_AndTheNodesSwapRoles()
    {
        var service = StoredService.With(replicas: 1, new StatusChange(FailedAt, "READY", "failover"));
        var now = FailedAt.AddHours(6);
        var oldPrimary = StoredService.Log(service, 0, now);
        var oldReplica = StoredService.Log(service, 1, now);

        var crash = oldPrimary.Where(l => l.Timestamp >= FailedAt && l.Timestamp < FailedAt.AddSeconds(1)).ToList();
        Assert.StartsWith("server process (PID ", crash[0].Message);
        Assert.Contains(crash, l => l.Message == "entering standby mode");
        Assert.StartsWith("started streaming WAL from primary at ", crash[^1].Message);
        Assert.EndsWith(" on timeline 2", crash[^1].Message);
        var promotion = oldReplica.Where(l => l.Timestamp >= FailedAt && l.Timestamp < FailedAt.AddSeconds(1)).Select(l => l.Message).ToList();
        Assert.Equal("received promote request", promotion[0]);
        Assert.Contains("selected new timeline ID: 2", promotion);
        Assert.Equal("database system is ready to accept connections", promotion[^1]);

        Assert.True(WritesLikeAPrimary(oldPrimary, before: true), "node 0 vacuums before the failover");
        Assert.True(WritesLikeAReplica(oldPrimary, before: false), "node 0 writes restartpoints after it");
        Assert.True(WritesLikeAReplica(oldReplica, before: true), "node 1 writes restartpoints before the failover");
        Assert.True(WritesLikeAPrimary(oldReplica, before: false), "node 1 vacuums after it");
    }

    [Fact]
    public void Failover_OfALonePrimary_RecoversInPlace()
    {
        var service = StoredService.With(replicas: 0, new StatusChange(FailedAt, "READY", "failover"));

        var lines = StoredService.Log(service, 0, FailedAt.AddMinutes(1)).Where(l => l.Timestamp >= FailedAt).Select(l => l.Message).ToList();

        Assert.Contains("database system was not properly shut down; automatic recovery in progress", lines);
        Assert.Contains("database system is ready to accept connections", lines);
        Assert.DoesNotContain("entering standby mode", lines);
    }

    private static bool WritesLikeAPrimary(List<LogLine> log, bool before) =>
        Steady(log, before).Any(m => m.StartsWith("automatic vacuum", StringComparison.Ordinal))
        && !Steady(log, before).Any(m => m.StartsWith("restartpoint", StringComparison.Ordinal));

    private static bool WritesLikeAReplica(List<LogLine> log, bool before) =>
        Steady(log, before).Any(m => m.StartsWith("restartpoint", StringComparison.Ordinal))
        && !Steady(log, before).Any(m => m.StartsWith("automatic vacuum", StringComparison.Ordinal));

    private static IEnumerable<string> Steady(List<LogLine> log, bool before) =>
        log.Where(l => before ? l.Timestamp < FailedAt : l.Timestamp > FailedAt.AddSeconds(1)).Select(l => l.Message);
}
