using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// Every operation of openapi.yml is routed and, called correctly, answers its documented success with a body
/// that satisfies the documented schema.
public sealed class ContractOperationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Operations => OpenApiContract.OperationIds();

    [Fact]
    public void Contract_ListsEveryOperationOfTheFileOnce()
    {
        output.WriteLine($"contract operations: {OpenApiContract.Operations.Count}");
        Assert.NotEmpty(OpenApiContract.Operations);
        Assert.Equal(OpenApiContract.OperationIdLines(), OpenApiContract.Operations.Count);
        Assert.Equal(OpenApiContract.Operations.Count, OpenApiContract.Operations.Select(o => o.OperationId).Distinct().Count());
    }

    [Fact]
    public void Fixtures_NameOnlyOperationsOfTheContract()
    {
        var known = OpenApiContract.Operations.Select(o => o.OperationId).ToHashSet();
        Assert.All(OperationFixtures.ByOperationId.Keys, id => Assert.Contains(id, known));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_WithContractExampleIds_IsRouted(string operationId)
    {
        await using var stage = await OperationStage.UnseededAsync(operationId, output);

        var response = await stage.SendAsync(stage.ValidCall);

        await AssertRoutedAsync(response, stage.ValidCall);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_CalledCorrectly_AnswersDocumentedSuccessWithSchemaValidBody(string operationId)
    {
        await using var stage = await OperationStage.PrepareAsync(operationId, output);
        var call = stage.ValidCall;

        var response = await stage.SendAsync(call);
        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{call} {call.Body?.ToJsonString()} -> {(int)response.StatusCode} {text}");

        await AssertRoutedAsync(response, call);
        Assert.Equal(stage.Operation.SuccessStatus, (int)response.StatusCode);
        if (stage.Operation.SuccessSchema is not { } schema)
        {
            Assert.Equal("", text);
            return;
        }

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text);
        Assert.False(body is JsonArray { Count: 0 }, $"{call} listed nothing, so its items were never checked; seed one in OperationFixtures");
        var problems = SchemaValidator.Problems(body, schema);
        Assert.True(problems.Count == 0, $"{call} answered a body that breaks the contract:\n{string.Join("\n", problems)}");
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
