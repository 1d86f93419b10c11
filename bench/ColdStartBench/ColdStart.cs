// One sample of in-process cold start, for perf.sh: from constructing WebApplicationFactory<Program> to the first 200
// from GET /_emulator/health, in this process. Cold means nothing of the emulator has run or been jitted yet, so each
// sample needs a fresh process; perf.sh starts one per sample. Prints `cold-start-ms <milliseconds>`.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ColdStartBench;

internal static class ColdStart
{
    public static async Task<int> Main()
    {
        // The factory looks for the app's content root by assembly name; point it at the source folder, as the tests do.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "TigerEmulator.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("run from inside the repository");
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TIGEREMULATOR", Path.Combine(root.FullName, "src", "TigerEmulator"));

        var clock = Stopwatch.StartNew();
        await using var factory = new WebApplicationFactory<global::Program>();
        using var client = factory.CreateClient();
        using var health = await client.GetAsync("/_emulator/health");
        var elapsed = clock.Elapsed;
        if (health.StatusCode != HttpStatusCode.OK)
        {
            Console.Error.WriteLine($"GET /_emulator/health answered {(int)health.StatusCode}, not 200");
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold-start-ms {elapsed.TotalMilliseconds:F1}"));
        return 0;
    }
}
