using Microsoft.OpenApi;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// Reports how many bad calls the corpus makes, and fails if generation quietly shrinks. Every expected figure is
/// read from openapi.yml, so a new revision of the contract brings its own.
public sealed class CorpusSizeTests(ITestOutputHelper output)
{
    private static IReadOnlyList<ContractOperation> Operations => OpenApiContract.Operations;

    [Fact]
    public void GeneratedCorpus_HasAtLeastOneCaseForEveryFieldParameterAndPathOfTheContract()
    {
        foreach (var (family, cases) in BadInputCorpus.Generated)
        {
            output.WriteLine($"{family}: {cases.Count}");
        }

        output.WriteLine($"hand-written semantic cases: {BadInputCorpus.SemanticRules.Count}");
        output.WriteLine($"auth cases: {BadInputCorpus.Unauthenticated.Count} without valid credentials, {BadInputCorpus.ForeignProject.Count} on a foreign project");

        var withBody = Operations.Where(operation => operation.RequestSchema is not null).ToList();
        Assert.InRange(BadInputCorpus.BodyFields.Count, withBody.Sum(operation => operation.RequestSchema!.Properties?.Count ?? 0), int.MaxValue);
        Assert.InRange(BadInputCorpus.BodyShapes.Count, withBody.Count, int.MaxValue);
        Assert.InRange(BadInputCorpus.QueryTypes.Count, Operations.Sum(operation => operation.Parameters(ParameterLocation.Query).Count()), int.MaxValue);
    }

    [Fact]
    public void UnknownIdsAndWrongMethods_AreExactlyWhatThePathsOfTheContractAllow()
    {
        var ids = Operations.Sum(operation => operation.PathParameterNames.Count(name => name != "project_id"));
        var methodsNotServed = Operations.GroupBy(operation => operation.PathTemplate).Sum(path => PathAndQueryCases.Methods.Length - path.Count());

        Assert.Equal(ids, BadInputCorpus.UnknownIds.Count);
        Assert.Equal(methodsNotServed, BadInputCorpus.WrongMethods.Count);
    }
}
