using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace InProcessBench;

/// Every job runs in this process: the emulator is a library here, and a generated project per benchmark would only
/// add builds. Each is bounded in iterations.
internal static class Jobs
{
    public static Job InProcess(string id) => Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithId(id);
}

/// Requests that leave the state as they found it (or only add to it): 10 warm-up and 10 measured iterations of
/// about half a second each.
public sealed class SteadyConfig : ManualConfig
{
    public SteadyConfig() => AddJob(Jobs.InProcess("steady").WithWarmupCount(10).WithIterationCount(10));
}

/// One operation per iteration, for an operation that needs its state made again before each run; the tail matters
/// there, so the p95 and the slowest of the 100 are shown too.
public sealed class OncePerIterationConfig : ManualConfig
{
    public OncePerIterationConfig()
    {
        AddJob(Jobs.InProcess("one per iteration").WithStrategy(RunStrategy.Monitoring).WithWarmupCount(20).WithIterationCount(100));
        AddColumn(StatisticColumn.P95, StatisticColumn.Max);
    }
}
