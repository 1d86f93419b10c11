using BenchmarkDotNet.Attributes;

namespace InProcessBench;

/// POST /_emulator/reset with 100 resources in place (50 services, 50 VPCs), made again before every reset.
[Config(typeof(OncePerIterationConfig))]
public class Reset
{
    private Emulator emulator = null!;

    [GlobalSetup]
    public void Setup() => emulator = new Emulator(new Dictionary<string, string>());

    [GlobalCleanup]
    public void Cleanup() => emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [IterationSetup]
    public void AddResources()
    {
        for (var i = 0; i < 50; i++)
        {
            emulator.CreateServiceAsync().GetAwaiter().GetResult();
            emulator.PostAsync($"{Emulator.Project}/vpcs", $"{{\"name\":\"vpc-{i}\",\"cidr\":\"10.{i}.0.0/16\",\"region_code\":\"us-east-1\"}}")
                .GetAwaiter().GetResult();
        }
    }

    [Benchmark(Description = "POST /_emulator/reset, 100 resources")]
    public Task<int> ResetAll() => emulator.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/_emulator/reset"));
}
