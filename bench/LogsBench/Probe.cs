using System.Diagnostics;

namespace TigerEmulator.LogsBench;

/// One page request to time, with what was measured of it.
public sealed class Probe(string entries, int historyEvents, string page, Action run)
{
    public string Entries { get; } = entries;

    public int HistoryEvents { get; } = historyEvents;

    public string Page { get; } = page;

    public List<double> Samples { get; } = [];

    public double AllocatedKbPerRun { get; private set; }

    public double GcHeapMb { get; private set; }

    public double WorkingSetMb { get; private set; }

    /// The process's CPU time per page over the memory runs: on a busy machine a page of several milliseconds is often
    /// put off the core midway, which its wall time counts and its CPU time does not.
    public double CpuMsPerRun { get; private set; }

    public void Time()
    {
        var started = Stopwatch.GetTimestamp();
        run();
        Samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// Allocation per page over some runs, then the live heap and the process's working set right after them.
    public void MeasureMemory(int runs)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < runs; i++)
        {
            run();
        }

        CpuMsPerRun = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / runs;
        AllocatedKbPerRun = (GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / runs;
        GcHeapMb = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
        WorkingSetMb = Environment.WorkingSet / 1048576.0;
    }

    public double Percentile(double p)
    {
        var sorted = Samples.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
