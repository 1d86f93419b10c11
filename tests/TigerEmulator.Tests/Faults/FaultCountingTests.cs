using System.Net;
using TigerEmulator.Faults;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Faults;

/// after, times and probability decide exactly which requests fail: with a fixed seed, the indices are known in advance.
public sealed class FaultCountingTests(ITestOutputHelper output)
{
    private static readonly FaultTarget AnyRequest = new("getServices", "GET", "/public/api/v1/projects/emuproject/services", "emuproject", []);

    [Fact]
    public async Task AfterAndTimes_FailExactlyTheRequestsInTheirWindow()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        await client.AddFaultAsync(new { operation = "getServices", status = 503, after = 2, times = 3 });

        var statuses = await client.StatusesAsync($"{Api.Project(factory.ProjectId)}/services", 8);

        Assert.Equal([2, 3, 4], statuses.IndicesOf(503));
        Assert.Equal([0, 1, 5, 6, 7], statuses.IndicesOf(200));
    }

    [Fact]
    public async Task Probability_WithFixedSeed_FailsThePredictedRequestsOnEveryRun()
    {
        foreach (var run in new[] { 1, 2 })
        {
            using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_SEED"] = "42" });
            var client = factory.CreateTigerClient();
            await client.AddFaultAsync(new { id = "coin", operation = "getServices", status = 503, probability = 0.3 });

            var statuses = await client.StatusesAsync($"{Api.Project(factory.ProjectId)}/services", 20);

            Assert.True(statuses.IndicesOf(503).SequenceEqual([9, 10, 11, 18, 19]), $"run {run}: {string.Join(",", statuses.IndicesOf(503))}");
            Assert.Equal(20 - 5, statuses.IndicesOf(200).Count);
        }
    }

    [Fact]
    public void Probability_DependsOnTheSeed()
    {
        Assert.NotEqual(FailingIndices(seed: 42, new FaultRule("coin", new(), new DropEffect(), 0.3)), FailingIndices(seed: 43, new FaultRule("coin", new(), new DropEffect(), 0.3)));
    }

    [Fact]
    public void AfterTimesAndProbability_Combine_OnlyCandidatesInTheWindowAreDrawn()
    {
        var rule = new FaultRule("window", new(), new DropEffect(), Probability: 0.5, Times: 6, After: 4);

        var failing = FailingIndices(seed: 7, rule);

        Assert.Equal([5, 6, 7, 8, 9], failing);
        Assert.All(failing, index => Assert.InRange(index, 4, 9));
    }

    [Fact]
    public void EachRule_CountsItsOwnMatches_WhateverOtherRulesDo()
    {
        var alone = new FaultEngine();
        alone.Load([new FaultRule("b", new(), new DropEffect(), 0.5)], 5);
        var together = new FaultEngine();
        together.Load([new FaultRule("a", new(), new ErrorEffect(500, null, null, null), 0.5), new FaultRule("b", new(), new DropEffect(), 0.5)], 5);

        var aloneFired = Enumerable.Range(0, 30).Select(_ => alone.DecideRequest(AnyRequest).Fired.Contains("b")).ToList();
        var togetherFired = Enumerable.Range(0, 30).Select(_ => together.DecideRequest(AnyRequest).Fired.Contains("b")).ToList();

        Assert.Equal(aloneFired, togetherFired);
    }

    [Fact]
    public void EmptyEngine_DecidesNothing_WithoutAllocating()
    {
        var engine = new FaultEngine();
        Assert.True(engine.IsEmpty);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(engine.IsEmpty);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void LognormalLatency_NeverExceedsItsCap()
    {
        var latency = new LognormalLatency(MedianMs: 20, Sigma: 2, MaxMs: 50);
        var random = new Random(3);

        var samples = Enumerable.Range(0, 500).Select(_ => latency.Sample(random).TotalMilliseconds).ToList();

        Assert.All(samples, ms => Assert.InRange(ms, 0, 50));
        Assert.Contains(samples, ms => ms == 50);
        Assert.Contains(samples, ms => ms < 20);
    }

    private static List<int> FailingIndices(int seed, FaultRule rule)
    {
        var engine = new FaultEngine();
        engine.Load([rule], seed);
        return Enumerable.Range(0, 20).Where(_ => engine.DecideRequest(AnyRequest).Terminal is not null).ToList();
    }
}
