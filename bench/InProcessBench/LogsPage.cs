using BenchmarkDotNet.Attributes;

namespace InProcessBench;

/// The newest page (500 entries) and a deep one of a log of about a million entries, set up as perf.sh does it:
/// the manual clock, 1,000 entries a minute, 1,000 minutes.
[Config(typeof(SteadyConfig))]
public class LogsPage
{
    private Emulator emulator = null!;
    private string logs = "";

    [GlobalSetup]
    public void Setup()
    {
        emulator = new Emulator(new Dictionary<string, string>
        {
            ["TIGER_EMULATOR_CLOCK"] = "manual",
            ["Logs:EntriesPerMinute"] = "1000",
        });
        var service = emulator.CreateServiceAsync().GetAwaiter().GetResult();
        emulator.PostAsync("/_emulator/clock/advance", "{\"seconds\":10}").GetAwaiter().GetResult();
        emulator.PostAsync("/_emulator/clock/advance", "{\"seconds\":60000}").GetAwaiter().GetResult();
        logs = $"{Emulator.Project}/services/{service}/logs";
    }

    [GlobalCleanup]
    public void Cleanup() => emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "GET logs, newest page of ~1M")]
    public Task<int> Newest() => emulator.GetAsync(logs);

    [Benchmark(Description = "GET logs, page 1000 of ~1M")]
    public Task<int> Deep() => emulator.GetAsync($"{logs}?page=1000");
}
