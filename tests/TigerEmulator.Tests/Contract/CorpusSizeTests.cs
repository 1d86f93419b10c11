using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// Reports how many bad calls the corpus makes, and fails if generation quietly shrinks.
public sealed class CorpusSizeTests(ITestOutputHelper output)
{
    // Just below the 760 cases generated when the corpus was written; with the per-family check below,
    // a generator that quietly stops producing cases fails here.
    private const int GeneratedFloor = 700;

    [Fact]
    public void GeneratedCorpus_HasHundredsOfCases()
    {
        foreach (var (family, cases) in BadInputCorpus.Generated)
        {
            output.WriteLine($"{family}: {cases.Count}");
            Assert.True(cases.Count > 0, $"the {family} family generated nothing");
        }

        var generated = BadInputCorpus.Generated.Sum(family => family.Cases.Count);
        output.WriteLine($"generated bad-input cases: {generated}");
        output.WriteLine($"hand-written semantic cases: {BadInputCorpus.SemanticRules.Count}");
        output.WriteLine($"auth cases: {BadInputCorpus.Unauthenticated.Count} without valid credentials, {BadInputCorpus.ForeignProject.Count} on a foreign project");
        Assert.True(generated > GeneratedFloor, $"only {generated} generated cases");
    }
}
