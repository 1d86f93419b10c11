using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// Every operation of each contract revision is routed and, called correctly as a client generated from that revision
/// calls it, answers its documented success with a body valid under every revision that has the operation.
/// Rows are (revision, operationId): an operation only the newer revision has shows as "latest" rows alone.
public sealed class ContractOperationTests(ITestOutputHelper output)
{
    /// Where the revisions cannot both be satisfied the newer one wins; each entry is named in the README.
    public static readonly IReadOnlyDictionary<string, string> NewerRevisionWins = new Dictionary<string, string>
    {
        // The older revision documents a 202 without a body, the newer a SuccessMessage: the body is sent, and a client
        // of the older revision, which expects none, has nothing to read it into.
        ["resizeReplicaSet"] = "older: 202 without a body; newer: 202 with a SuccessMessage",
    };

    public static TheoryData<string, string> Operations => OpenApiContract.RevisionOperationIds();

    public static TheoryData<string, string> OptionalBodyOperations => OpenApiContract.RevisionOperationIds(operation => operation.RequestBodyIsOptional);

    public static TheoryData<string> Revisions => new(OpenApiContract.Revisions.Select(revision => revision.Name));

    [Theory]
    [MemberData(nameof(Revisions))]
    public void Contract_ListsEveryOperationOfTheFileOnce(string revisionName)
    {
        var revision = OpenApiContract.Named(revisionName);
        output.WriteLine($"{revision}: {revision.Operations.Count} operations");
        Assert.NotEmpty(revision.Operations);
        Assert.Equal(revision.OperationIdLines(), revision.Operations.Count);
        Assert.Equal(revision.Operations.Count, revision.Operations.Select(o => o.OperationId).Distinct().Count());
    }

    [Fact]
    public void OperationInBothRevisions_HasOnePathAndMethod_SoOneRouteServesBoth()
    {
        var older = OpenApiContract.Older.Operations.ToDictionary(o => o.OperationId);
        var shared = OpenApiContract.Latest.Operations.Where(o => older.ContainsKey(o.OperationId)).ToList();

        Assert.NotEmpty(shared);
        Assert.All(shared, latest => Assert.Equal(
            $"{older[latest.OperationId].Method} {older[latest.OperationId].PathTemplate}",
            $"{latest.Method} {latest.PathTemplate}"));
    }

    [Fact]
    public void Fixtures_NameOnlyOperationsOfTheContract()
    {
        var known = OpenApiContract.AllOperations.Select(o => o.OperationId).ToHashSet();
        Assert.All(OperationFixtures.ByOperationId.Keys, id => Assert.Contains(id, known));
        Assert.All(NewerRevisionWins.Keys, id => Assert.Contains(id, known));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_WithContractExampleIds_IsRouted(string revision, string operationId)
    {
        await using var stage = await OperationStage.UnseededAsync(operationId, output, OpenApiContract.Named(revision));

        var response = await stage.SendAsync(stage.ValidCall);

        await AssertRoutedAsync(response, stage.ValidCall);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_CalledCorrectly_AnswersDocumentedSuccessWithBodyValidUnderEveryRevision(string revision, string operationId)
    {
        await using var stage = await OperationStage.PrepareAsync(operationId, output, revision: OpenApiContract.Named(revision));
        var call = stage.ValidCall;

        var response = await stage.SendAsync(call);
        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{call} {call.Body?.ToJsonString()} -> {(int)response.StatusCode} {text}");

        await AssertRoutedAsync(response, call);
        foreach (var described in OpenApiContract.Having(operationId).Select(other => other.Find(operationId)))
        {
            Assert.True(described.SuccessStatus == (int)response.StatusCode, $"{described.Revision}: {call} answered {(int)response.StatusCode}, documented {described.SuccessStatus}");
            AssertBodyMatches(described, call, response, text);
        }
    }

    /// An operation whose body the client may leave out (logout's) succeeds without one.
    [Theory]
    [MemberData(nameof(OptionalBodyOperations))]
    public async Task Operation_WithOptionalBodyLeftOut_AnswersDocumentedSuccess(string revision, string operationId)
    {
        var described = OpenApiContract.Named(revision).Find(operationId);
        await using var stage = await OperationStage.PrepareAsync(operationId, output, revision: OpenApiContract.Named(revision));
        var call = stage.ValidCall with { Body = null };

        var response = await stage.SendAsync(call);

        Assert.True(described.SuccessStatus == (int)response.StatusCode, $"{call} without a body: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static void AssertBodyMatches(ContractOperation described, ContractCall call, HttpResponseMessage response, string text)
    {
        if (described.SuccessSchema is not { } schema)
        {
            if (!NewerRevisionWins.ContainsKey(described.OperationId))
            {
                Assert.True(text == "", $"{described.Revision}: {call} documents no body, but answered {text}");
            }

            return;
        }

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text);
        Assert.False(body is JsonArray { Count: 0 }, $"{call} listed nothing, so its items were never checked; seed one in OperationFixtures");
        var problems = SchemaValidator.Problems(body, schema);
        Assert.True(problems.Count == 0, $"{call} answered a body that breaks {described.Revision}:\n{string.Join("\n", problems)}");
    }

    private static async Task AssertRoutedAsync(HttpResponseMessage response, ContractCall call)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(response.StatusCode == HttpStatusCode.MethodNotAllowed, $"{call} is not routed: {text}");
        Assert.False(
            response.StatusCode == HttpStatusCode.NotFound && text.Contains("No route matches", StringComparison.Ordinal),
            $"{call} is not routed: {text}");
        Assert.True((int)response.StatusCode < 500, $"{call} failed on the server: {(int)response.StatusCode} {text}");
    }
}
