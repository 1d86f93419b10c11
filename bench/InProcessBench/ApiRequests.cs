using BenchmarkDotNet.Attributes;

namespace InProcessBench;

/// The routes perf.sh loads over HTTP, one request at a time, beside a floor: the health answer, which skips the
/// contract's pipeline (journal, fault rules, API key), so the difference is the emulator's own work.
[Config(typeof(SteadyConfig))]
public class ApiRequests
{
    private Emulator emulator = null!;
    private string service = "";

    [GlobalSetup]
    public void Setup()
    {
        emulator = new Emulator(new Dictionary<string, string> { ["TIGER_EMULATOR_TIMING"] = "instant" });
        service = emulator.CreateServiceAsync().GetAwaiter().GetResult();
        for (var i = 1; i < 100; i++)
        {
            emulator.CreateServiceAsync().GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "floor: GET /_emulator/health")]
    public Task<int> Health() => emulator.GetAsync("/_emulator/health");

    [Benchmark(Description = "GET service")]
    public Task<int> GetService() => emulator.GetAsync($"{Emulator.Project}/services/{service}");

    [Benchmark(Description = "GET services (100)")]
    public Task<int> ListServices() => emulator.GetAsync($"{Emulator.Project}/services");

    /// Every call adds a service, so the store grows through the run, as it does under perf.sh.
    [Benchmark(Description = "POST create service")]
    public Task<int> CreateService() => emulator.PostAsync($"{Emulator.Project}/services", "{\"name\":\"x\"}");
}
