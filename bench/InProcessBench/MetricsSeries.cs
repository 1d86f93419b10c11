using BenchmarkDotNet.Attributes;

namespace InProcessBench;

/// The dearest metrics requests the emulator accepts: a day of minutes (1,441 buckets) on the three nodes of a service
/// with two HA replicas and a history of 200 stops and starts, and 30 days of hours. Their cost is bounded by buckets
/// and runs, not by the window: this is the figure that shows it.
[Config(typeof(SteadyConfig))]
public class MetricsSeries
{
    private Emulator emulator = null!;
    private string series = "";
    private string dayOfMinutes = "";
    private string monthOfHours = "";

    [GlobalSetup]
    public void Setup()
    {
        emulator = new Emulator(new Dictionary<string, string> { ["TIGER_EMULATOR_CLOCK"] = "manual" });

        // The manual clock starts at the wall clock's now: the windows open with the service.
        var created = DateTime.UtcNow;
        dayOfMinutes = Body(created, created.AddDays(1), 60);
        monthOfHours = Body(created, created.AddDays(30), 3600);
        Run(async () =>
        {
            var answer = await emulator.Client.PostAsync($"{Emulator.Project}/services", Emulator.Json("{\"name\":\"bench\",\"replica_count\":2}"));
            var service = (await answer.Content.ReadAsStringAsync()).Split("\"service_id\":\"")[1].Split('"')[0];
            var path = $"{Emulator.Project}/services/{service}";
            await Advance(10);
            for (var cycle = 0; cycle < 200; cycle++)
            {
                await emulator.PostAsync($"{path}/stop", "{}");
                await Advance(60);
                await emulator.PostAsync($"{path}/start", "{}");
                await Advance(300);
            }

            await Advance(30 * 86_400);
            series = $"{path}/metrics/series";
        });
    }

    [GlobalCleanup]
    public void Cleanup() => emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "POST metrics series, 1 day of minutes, 3 nodes")]
    public Task<int> DayOfMinutes() => emulator.PostAsync(series, dayOfMinutes);

    [Benchmark(Description = "POST metrics series, 30 days of hours, 3 nodes")]
    public Task<int> MonthOfHours() => emulator.PostAsync(series, monthOfHours);

    private static string Body(DateTime from, DateTime to, int bucket) =>
        $"{{\"name\":\"timescale_cloud_system_cpu_usage_millicores\",\"from\":\"{from:yyyy-MM-dd'T'HH:mm:ss'Z'}\",\"to\":\"{to:yyyy-MM-dd'T'HH:mm:ss'Z'}\",\"bucket_seconds\":{bucket}}}";

    private Task<int> Advance(int seconds) => emulator.PostAsync("/_emulator/clock/advance", $"{{\"seconds\":{seconds}}}");

    private static void Run(Func<Task> setup) => setup().GetAwaiter().GetResult();
}
