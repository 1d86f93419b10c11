using BenchmarkDotNet.Attributes;

namespace InProcessBench;

/// GET service and its replica set list when the store holds many other replica sets: 1,000 services with 10 each.
/// Their count must not matter to an answer about one service.
[Config(typeof(SteadyConfig))]
public class LargeState
{
    private const int Services = 1_000;
    private const int SetsEach = 10;

    private Emulator emulator = null!;
    private string service = "";

    [GlobalSetup]
    public void Setup()
    {
        emulator = new Emulator(new Dictionary<string, string> { ["TIGER_EMULATOR_CLOCK"] = "manual" });
        var ids = Enumerable.Range(0, Services).Select(_ => emulator.CreateServiceAsync().GetAwaiter().GetResult()).ToList();
        emulator.PostAsync("/_emulator/clock/advance", "{\"seconds\":60}").GetAwaiter().GetResult();
        foreach (var id in ids)
        {
            for (var i = 0; i < SetsEach; i++)
            {
                emulator.PostAsync($"{Emulator.Project}/services/{id}/replicaSets", "{\"name\":\"r\",\"nodes\":1,\"cpu_millis\":500,\"memory_gbs\":2}")
                    .GetAwaiter().GetResult();
            }
        }

        service = ids[Services / 2];
    }

    [GlobalCleanup]
    public void Cleanup() => emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "GET service, 10,000 replica sets stored")]
    public Task<int> GetService() => emulator.GetAsync($"{Emulator.Project}/services/{service}");

    [Benchmark(Description = "GET its replica sets, 10,000 stored")]
    public Task<int> ListReplicaSets() => emulator.GetAsync($"{Emulator.Project}/services/{service}/replicaSets");
}
