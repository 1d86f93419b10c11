using TigerEmulator.Lifecycle;
using TigerEmulator.Logs;
using TigerEmulator.Services;

namespace TigerEmulator.Metrics;

/// When a service's database ran and at what size, read off its history the way its generated logs read it (the
/// transition table's server effects): nothing before the first start, nothing while stopped, paused or being deleted.
/// Built in O(history); every question after costs O(log runs).
internal sealed class ServiceRuns
{
    private readonly ServiceDocument service;
    private readonly List<DatabaseRun> runs = [];

    // Seconds run before each run began, for storage that grows with running time.
    private readonly List<double> runBefore = [];

    public ServiceRuns(ServiceDocument service)
    {
        this.service = service;

        // A service stored without a history (seeded by hand) is taken to have had its status since it was created.
        var history = service.History.Count > 0 ? service.History : [new StatusChange(service.Created, service.Status, "create")];
        DateTime? since = null;
        foreach (var change in history)
        {
            switch (NodeEvents.For(change))
            {
                case NodeEvent.StartFresh or NodeEvent.StartRestored or NodeEvent.Restart:
                    // A restart of a process still running (recovery) begins a new run: its counters start again.
                    Close(since, change.At);
                    since = change.At;
                    break;
                case NodeEvent.Stop or NodeEvent.Halt:
                    Close(since, change.At);
                    since = null;
                    break;
            }
        }

        Close(since, DateTime.MaxValue);
    }

    public IReadOnlyList<DatabaseRun> Runs => runs;

    /// The runs that overlap [from, until), oldest first.
    public IEnumerable<DatabaseRun> Overlapping(DateTime from, DateTime until)
    {
        for (var i = FirstEndingAfter(from); i < runs.Count && runs[i].Start < until; i++)
        {
            yield return runs[i];
        }
    }

    /// How long the database had run, in total, before the moment.
    public double RunningSecondsBefore(DateTime at)
    {
        var i = FirstEndingAfter(at);
        var whole = i < runs.Count ? runBefore[i] : runBefore.Count == 0 ? 0 : runBefore[^1] + Seconds(runs[^1]);
        return i < runs.Count && runs[i].Start < at ? whole + (at - runs[i].Start).TotalSeconds : whole;
    }

    /// The size before the first resize that began after the moment, or the present size.
    public MetricSize SizeAt(DateTime at)
    {
        foreach (var earlier in service.EarlierSizes)
        {
            if (at < earlier.Until)
            {
                return MetricSize.Of(earlier.CpuMillis, earlier.MemoryGbs);
            }
        }

        return MetricSize.Of(service.CpuMillis, service.MemoryGbs);
    }

    private void Close(DateTime? since, DateTime at)
    {
        if (since is { } start && start < at)
        {
            runBefore.Add(runs.Count == 0 ? 0 : runBefore[^1] + Seconds(runs[^1]));
            runs.Add(new DatabaseRun(start, at));
        }
    }

    private int FirstEndingAfter(DateTime at)
    {
        var (low, high) = (0, runs.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = runs[middle].End > at ? (low, middle) : (middle + 1, high);
        }

        return low;
    }

    private static double Seconds(DatabaseRun run) => (run.End - run.Start).TotalSeconds;
}
