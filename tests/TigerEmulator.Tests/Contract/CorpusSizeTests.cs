using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// Reports how many bad calls the corpus makes, and fails if generation quietly shrinks.
public sealed class CorpusSizeTests(ITestOutputHelper output)
{
    // Set below the count when the corpus was written, so that losing a whole family of cases fails.
    private const int GeneratedFloor = 500;

    [Fact]
    public void GeneratedCorpus_HasHundredsOfCases()
    {
        foreach (var (family, cases) in BadInputCorpus.Generated)
        {
            output.WriteLine($"{family}: {cases.Count}");
        }

        var generated = BadInputCorpus.Generated.Sum(family => family.Cases.Count);
        output.WriteLine($"generated bad-input cases: {generated}");
        output.WriteLine($"hand-written semantic cases: {BadInputCorpus.SemanticRules.Count}");
        output.WriteLine($"auth cases: {BadInputCorpus.Unauthenticated.Count} without valid credentials, {BadInputCorpus.ForeignProject.Count} on a foreign project");
        Assert.True(generated > GeneratedFloor, $"only {generated} generated cases");
    }
}
