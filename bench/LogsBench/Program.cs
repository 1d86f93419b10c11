using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using TigerEmulator.Logs;
using TigerEmulator.LogsBench;
using TigerEmulator.Services;

// Page latency and memory of GET .../logs at growing log sizes, through LogPage.Read — the handler's code path from the
// parsed query to the response body — plus JSON serialization with the API's options. Probes run round-robin, so that
// machine noise falls on all of them alike. Bounded: 3 s of warm-up, then at most 1,000 rounds or 60 s.
const int MaxRounds = 1000;
var budget = TimeSpan.FromSeconds(60);
var settings = new LogSettings { EntriesPerMinute = 1000 };
var json = new ApiJson();
(long Entries, int Restarts)[] cases = [(1_000, 0), (1_000_000, 0), (10_000_000, 0), (10_000_000, 500)];
(string Page, Dictionary<string, StringValues> Query)[] Filtered =
[
    ("search=dev-8117", new() { ["search"] = "dev-8117" }),
    ("severities=ERROR", new() { ["severities"] = "ERROR" }),
    ("severities=NOTICE", new() { ["severities"] = "NOTICE" }),
];

var probes = new List<Probe>();
foreach (var (entries, restarts) in cases)
{
    var service = BenchService.Holding(entries, settings.EntriesPerMinute, restarts);
    var first = new LogQuery(0, 0, null, null, null);
    var total = Count(service, settings);
    // Deep: the page whose oldest entry is the log's 251st oldest — as far from the newest page as a walk goes.
    var deep = first with { Cursor = new LogCursor(service.Id, 0, Math.Min(total, 750)) };
    foreach (var (page, query, expected) in new[] { ("first", first, total), ("deep", deep, 750) })
    {
        var size = LogPage.Read(service, query, BenchService.Now, settings).Count;
        if (size != Math.Min(LogPage.Size, expected))
        {
            throw new InvalidOperationException($"the {page} page of {total} entries holds {size}");
        }

        probes.Add(new Probe($"{total:N0}", service.History.Count, page, () => json.Write(LogPage.Read(service, query, BenchService.Now, settings))));
    }

    // Filtered first pages of the large logs (see "Filtered pages" in bench/README.md): a rare term, which examines the
    // whole scan budget and finds a match or none; a common severity, which fills its page early; and a severity no
    // generated line has, which passes over every stretch of the log without writing a line.
    if (restarts == 0 && entries >= 1_000_000)
    {
        foreach (var (page, filter) in Filtered)
        {
            var query = LogQuery.Parse(new QueryCollection(filter));
            var body = LogPage.Read(service, query, BenchService.Now, settings);
            Console.WriteLine($"{total:N0} entries, {page}: {body.Count} entries, cursor {(body.LastCursor is null ? "absent" : "present")}");
            probes.Add(new Probe($"{total:N0}", service.History.Count, page, () => json.Write(LogPage.Read(service, query, BenchService.Now, settings))));
        }
    }
}

// Warm up every code path (tiered JIT, PGO) before anything is measured.
for (var warmup = Stopwatch.StartNew(); warmup.Elapsed < TimeSpan.FromSeconds(3);)
{
    probes.ForEach(probe => probe.Time());
}

probes.ForEach(probe => probe.Samples.Clear());
probes.ForEach(probe => probe.MeasureMemory(runs: 100));
for (var (round, clock) = (0, Stopwatch.StartNew()); round < MaxRounds && clock.Elapsed < budget; round++)
{
    probes.ForEach(probe => probe.Time());
}

Console.WriteLine($"LogsBench — {settings.EntriesPerMinute} entries/min, page size {LogPage.Size}, .NET {Environment.Version}, {Environment.ProcessorCount} CPUs, {probes[0].Samples.Count} rounds");
Console.WriteLine();
Console.WriteLine("| entries in log | history events | page | p50 ms | p99 ms | max ms | CPU ms/page | allocated KB/page | GC heap MB | working set MB |");
Console.WriteLine("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var probe in probes)
{
    Console.WriteLine(
        $"| {probe.Entries} | {probe.HistoryEvents} | {probe.Page} | {probe.Percentile(0.50):F3} | {probe.Percentile(0.99):F3} | {probe.Samples.Max():F3} | {probe.CpuMsPerRun:F3} | "
        + $"{probe.AllocatedKbPerRun:F0} | {probe.GcHeapMb:F1} | {probe.WorkingSetMb:F0} |");
}

// The log's size, read through the API itself: the newest page's cursor points just above the oldest entries left.
static long Count(ServiceDocument service, LogSettings settings)
{
    var newest = LogPage.Read(service, new LogQuery(0, 0, null, null, null), BenchService.Now, settings);
    return newest.LastCursor is { } cursor ? LogCursor.Decode(cursor)!.Next + newest.Count : newest.Count;
}
