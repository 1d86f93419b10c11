// One sample of in-process cold start, for perf.sh: from constructing WebApplicationFactory<Program> to the first 200
// from GET /_emulator/health, in this process. Cold means nothing of the emulator has run or been jitted yet, so each
// sample needs a fresh process; perf.sh starts one per sample. Prints `cold-start-ms <milliseconds>`.
// With `plain`, the same for bench/PlainKestrel and its one route: the floor that the test host, ASP.NET Core and the
// runtime's own start set on this machine, under any app.
// With `--then N`, N more factories follow in the same process, one at a time, each disposed before the next: what every
// further test of a suite pays once the first has started. Prints `then-ms <median> <p95>`.
extern alias plain;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc.Testing;
using TigerEmulator.Bench;

namespace ColdStartBench;

internal static class ColdStart
{
    public static async Task<int> Main(string[] args)
    {
        Repository.UseAsContentRoot();
        Repository.UseAsContentRoot("PlainKestrel", "bench/PlainKestrel");

        var plain = args.Contains("plain");
        var then = args.SkipWhile(arg => arg != "--then").Skip(1).Select(int.Parse).FirstOrDefault();
        var start = plain ? Plain : (Func<Stopwatch, Task<(HttpStatusCode, TimeSpan)>>)Emulator;

        var (status, elapsed) = await start(Stopwatch.StartNew());
        if (status != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"the first request answered {(int)status}, not 200");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold-start-ms {elapsed.TotalMilliseconds:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold-start-cpu-ms {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:F0} jitted {System.Runtime.JitInfo.GetCompiledMethodCount()}"));
        if (then == 0)
        {
            return 0;
        }

        var samples = new List<double>();
        for (var i = 0; i < then; i++)
        {
            (status, elapsed) = await start(Stopwatch.StartNew());
            if (status != HttpStatusCode.OK)
            {
                Console.Error.WriteLine($"factory {i + 2} answered {(int)status}, not 200");
                return 1;
            }

            samples.Add(elapsed.TotalMilliseconds);
        }

        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"then-ms {samples[samples.Count / 2]:F1} {samples[(int)Math.Ceiling(samples.Count * 0.95) - 1]:F1}"));
        return 0;
    }

    // Apart, so that one app's run does not load the other's assembly.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<(HttpStatusCode, TimeSpan)> Emulator(Stopwatch clock) => FirstAnswer<global::Program>("/_emulator/health", clock);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Task<(HttpStatusCode, TimeSpan)> Plain(Stopwatch clock) =>
        FirstAnswer<plain::Program>("/public/api/v1/projects/emuproject/services/baseline", clock);

    private static async Task<(HttpStatusCode, TimeSpan)> FirstAnswer<TEntryPoint>(string path, Stopwatch clock)
        where TEntryPoint : class
    {
        await using var factory = new WebApplicationFactory<TEntryPoint>();
        using var client = factory.CreateClient();
        using var answer = await client.GetAsync(path);
        return (answer.StatusCode, clock.Elapsed);
    }
}
