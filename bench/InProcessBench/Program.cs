// Issue 7's in-process figures with BenchmarkDotNet: one request at a time through the emulator's whole pipeline
// (WebApplicationFactory's TestServer: no sockets, no load generator on the cores), with BenchmarkDotNet's warm-up,
// statistics and bytes allocated per request. Cold start is not here: it needs a fresh process per sample
// (bench/ColdStartBench). Reports go to bench/results/InProcessBench (git-ignored).
// Usage: dotnet run -c Release --project bench/InProcessBench [-- --filter '*LogsPage*']
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using TigerEmulator.Bench;

namespace InProcessBench;

internal static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(
            args.Length > 0 ? args : ["--filter", "*"],
            DefaultConfig.Instance
                .AddDiagnoser(MemoryDiagnoser.Default)
                .WithArtifactsPath(Path.Combine(Repository.Root, "bench", "results", "InProcessBench")));
}
