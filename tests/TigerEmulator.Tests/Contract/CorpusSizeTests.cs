using Microsoft.OpenApi;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// Reports how many bad calls the corpus makes, and fails if generation quietly shrinks. Every expected figure is
/// read from the two contract files, so each revision brings its own.
public sealed class CorpusSizeTests(ITestOutputHelper output)
{
    private static IReadOnlyList<ContractOperation> Described => [.. OpenApiContract.Revisions.SelectMany(revision => revision.Operations)];

    [Fact]
    public void GeneratedCorpus_HasAtLeastOneCaseForEveryFieldParameterAndPathOfEitherRevision()
    {
        foreach (var (family, cases) in BadInputCorpus.All)
        {
            output.WriteLine($"{family}: {cases.Count}");
        }

        var withBody = Described.Where(operation => operation.RequestSchema is not null).ToList();
        var fields = withBody.SelectMany(operation => (operation.RequestSchema!.Properties?.Keys ?? []).Select(field => (operation.OperationId, field))).Distinct().Count();
        var parameters = Described.SelectMany(operation => operation.Parameters(ParameterLocation.Query).Select(parameter => (operation.OperationId, parameter.Name))).Distinct().Count();
        Assert.InRange(BadInputCorpus.BodyFields.Count, fields, int.MaxValue);
        Assert.InRange(BadInputCorpus.BodyShapes.Count, withBody.Select(operation => operation.OperationId).Distinct().Count(), int.MaxValue);
        Assert.InRange(BadInputCorpus.QueryTypes.Count, parameters, int.MaxValue);
    }

    [Fact]
    public void UnknownIdsAndWrongMethods_AreExactlyWhatThePathsOfBothRevisionsAllow()
    {
        var operations = OpenApiContract.AllOperations;
        var ids = operations.Sum(operation => operation.PathParameterNames.Count(name => name != "project_id"));
        var methodsNotServed = operations.GroupBy(operation => operation.PathTemplate).Sum(path => PathAndQueryCases.Methods.Length - path.Count());

        Assert.Equal(ids, BadInputCorpus.UnknownIds.Count);
        Assert.Equal(methodsNotServed, BadInputCorpus.WrongMethods.Count);
    }

    /// The operations only the newer revision has get cases of every family that applies to them.
    [Fact]
    public void OperationsOnlyTheNewerRevisionHas_GetTheirOwnCases()
    {
        var older = OpenApiContract.Older.Operations.Select(operation => operation.OperationId).ToHashSet();
        var added = OpenApiContract.Latest.Operations.Where(operation => !older.Contains(operation.OperationId)).ToList();
        var cases = BadInputCorpus.All.SelectMany(family => family.Cases.Cases).ToList();
        foreach (var operation in added)
        {
            var count = cases.Count(c => c.OperationId == operation.OperationId);
            output.WriteLine($"{operation.OperationId}: {count} cases");
            Assert.InRange(count, 1 + (operation.RequestSchema?.Properties?.Count ?? 0), int.MaxValue);
        }

        Assert.NotEmpty(added);
    }
}
