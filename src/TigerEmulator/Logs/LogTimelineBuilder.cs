using TigerEmulator.Lifecycle;
using TigerEmulator.Services;

namespace TigerEmulator.Logs;

/// Lays one node's log out along its service's history: the lines of each start, stop and failover, steady traffic while
/// the database runs, nothing while it is down. Costs O(history), whatever the service's age or log rate.
/// Lines after <paramref name="until"/> are left out: a real server's log takes over there (lines at that very moment
/// stay, as a page may have shown them before the server's book began).
internal sealed class LogTimelineBuilder(ServiceDocument service, int node, DateTime now, LogSettings settings, DateTime? until = null)
{
    private readonly ulong nodeHash = SlotHash.Of(service.Id, node, settings.Seed);
    private readonly bool timescale = service.ServiceType != "POSTGRES";
    private readonly List<Draft> drafts = [];
    private TrafficLines? primaryLines;
    private TrafficLines? replicaLines;
    private bool running;
    private int primary;
    private int timelineId = 1;
    private int pid;
    private DateTime lastDown;
    private DateTime steadyFrom;

    private bool IsReplica => node != primary;

    public IReadOnlyList<LogPiece> Build()
    {
        // A service stored without a history (seeded by hand) is taken to have had its status since it was created.
        var history = service.History.Count > 0 ? service.History : [new StatusChange(service.Created, service.Status, "create")];
        foreach (var change in history)
        {
            if (NodeEvents.For(change) is { } happened)
            {
                Apply(happened, change.At);
            }

            if (change.Reason is { } reason)
            {
                Failed(reason, change.At);
            }
        }

        if (running)
        {
            Steady(DateTime.MaxValue);
        }

        // A piece ends where the next begins: an event cuts short the lines of the one before it.
        var pieces = new List<LogPiece>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var end = i + 1 < drafts.Count && drafts[i + 1].Start < drafts[i].End ? drafts[i + 1].Start : drafts[i].End;
            end = until is { } cut && cut.AddTicks(1) < end ? cut.AddTicks(1) : end;
            if (drafts[i].Start < end)
            {
                pieces.Add(drafts[i].Make(end));
            }
        }

        return pieces;
    }

    private void Apply(NodeEvent happened, DateTime at)
    {
        switch (happened)
        {
            case NodeEvent.StartFresh or NodeEvent.StartRestored or NodeEvent.Restart:
                if (running)
                {
                    Steady(at);
                }

                pid = NewPid(at);
                var previous = happened switch
                {
                    NodeEvent.StartFresh => at.AddSeconds(-1) < service.Created ? service.Created : at.AddSeconds(-1),
                    NodeEvent.StartRestored => service.Created,
                    _ => lastDown,
                };
                var script = IsReplica ? StartupScripts.Replica : happened == NodeEvent.StartRestored ? StartupScripts.Restored : StartupScripts.Primary;
                steadyFrom = Burst(script, at, previous);
                running = true;
                break;
            case NodeEvent.Stop when running:
                Steady(at);
                lastDown = Burst(IsReplica ? ShutdownScripts.Replica : ShutdownScripts.Primary, at, lastDown);
                running = false;
                break;
            case NodeEvent.Halt when running:
                Steady(at);
                running = false;
                break;
            case NodeEvent.Failover when running:
                Steady(at);
                steadyFrom = Burst(FailOver(), at, at);
                break;
        }
    }

    // A step that failed (a database that would not start, a scenario's sql that broke) is told in the service's own
    // log, in the emulator's words, on one line; a running database carries on after it.
    private void Failed(string reason, DateTime at)
    {
        if (running)
        {
            Steady(at);
        }

        var line = new ScriptLine("ERROR", _ => reason.ReplaceLineEndings(" "));
        var done = Burst([line], at, lastDown);
        if (running)
        {
            steadyFrom = done;
        }
    }

    // The primary role passes to the next node; a lone primary can only recover in place.
    private IReadOnlyList<ScriptLine> FailOver()
    {
        var nodes = 1 + service.HaReplicaCount;
        var wasPrimary = !IsReplica;
        if (nodes == 1)
        {
            return FailoverScripts.RecoveredInPlace;
        }

        primary = (primary + 1) % nodes;
        timelineId++;
        return wasPrimary ? FailoverScripts.Demoted : IsReplica ? FailoverScripts.Following : FailoverScripts.Promoted;
    }

    private void Steady(DateTime until)
    {
        if (steadyFrom >= until)
        {
            return;
        }

        var lines = IsReplica
            ? replicaLines ??= new TrafficLines(new TrafficMix(settings.ErrorRatio, true, timescale), true, service.Created)
            : primaryLines ??= new TrafficLines(new TrafficMix(settings.ErrorRatio, false, timescale), false, service.Created);
        var (from, hash, interval) = (steadyFrom, SlotHash.Mix(nodeHash, steadyFrom.Ticks), settings.Interval);
        drafts.Add(new Draft(from, until, end => new SteadyTraffic(from, end, now, interval, hash, lines)));
    }

    /// Adds the script's lines at the event; returns when they are done.
    private DateTime Burst(IReadOnlyList<ScriptLine> script, DateTime at, DateTime previous)
    {
        var hash = SlotHash.Mix(nodeHash, -at.Ticks);
        var facts = new BurstFacts(at, previous, pid, pid + 1 + (int)(hash % 40), Wal.At(service.Created, at), 20 + (int)((hash >> 20) % 4000), timelineId, timescale);
        var times = LifecycleBurst.Schedule(script.Count, at, hash);
        var done = times[^1].AddMilliseconds(1);
        drafts.Add(new Draft(at, done, end => new LifecycleBurst(script, facts, times, end, now)));
        return done;
    }

    private int NewPid(DateTime at) => 1000 + (int)(SlotHash.Mix(nodeHash, at.Ticks ^ 0x5EED) % 60_000);

    private readonly record struct Draft(DateTime Start, DateTime End, Func<DateTime, LogPiece> Make);
}
