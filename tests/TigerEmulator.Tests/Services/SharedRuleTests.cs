using System.Text;
using TigerEmulator.Http;
using TigerEmulator.ReplicaSets;
using TigerEmulator.Scenarios;
using TigerEmulator.Services;

using TigerEmulator.Tests.Support;
using TigerEmulator.Reading;

namespace TigerEmulator.Tests.Services;

/// One rule, one answer: a request body and a scenario file break the same rule with the same words, the file's message
/// adding its name, line and the path of the field.
public sealed class SharedRuleTests
{
    private const string File = "rules.yml";

    [Fact]
    public void ShortPassword_IsRefusedAlikeInARequestAndAScenario()
    {
        var request = Refusal(() => ServiceRequests.ParsePassword(Body("""{"password": "short"}""")));
        var scenario = Refusal(() => Scenario("services:\n  - name: db\n    password: short\n"));

        Assert.Equal("'password' must be at least 8 characters long", request);
        Assert.Equal($"{File}, line 3, column 15: 'services[0].password' must be at least 8 characters long", scenario);
    }

    [Fact]
    public void PasswordOfTheWrongType_IsNotRepeatedInTheError()
    {
        var request = Refusal(() => ServiceRequests.ParsePassword(Body("""{"password": 98765432}""")));

        Assert.Equal("'password' must be a string, not a number", request);
    }

    [Fact]
    public void SyncAboveReplicas_IsRefusedAlikeInASetHaAndAScenario()
    {
        Assert.Equal("(2) cannot exceed replica_count (1)", ServiceRules.SyncProblem(replicas: 1, sync: 2));
        var scenario = Refusal(() => Scenario("services:\n  - name: db\n    ha: {replica_count: 1, sync_replica_count: 2}\n"));

        Assert.Equal($"{File}, line 3, column 48: 'services[0].ha.sync_replica_count' (2) cannot exceed replica_count (1)", scenario);
    }

    [Fact]
    public void ReplicaCountAboveTwo_IsRefusedAlikeInARequestAndAScenario()
    {
        var request = Refusal(() => ServiceRequests.ParseCreate(Body("""{"name": "db", "replica_count": 3}""")));
        var scenario = Refusal(() => Scenario("services:\n  - name: db\n    ha: {replica_count: 3}\n"));

        Assert.Equal("'replica_count' must be between 0 and 2, not 3", request);
        Assert.Equal($"{File}, line 3, column 25: 'services[0].ha.replica_count' must be between 0 and 2, not 3", scenario);
    }

    [Fact]
    public void SizeNotOffered_IsRefusedAlikeInACreateAndAScenario()
    {
        var request = Refusal(() => ServiceRequests.ParseCreate(Body("""{"name": "db", "cpu_millis": "3000", "memory_gbs": "4"}""")));
        var scenario = Refusal(() => Scenario("services:\n  - name: db\n    cpu_millis: 3000\n    memory_gbs: 4\n"));

        var problem = $"with memory_gbs gives 3000/4, not an offered size; allowed pairs: {ComputeSizes.Allowed}";
        Assert.Equal($"'cpu_millis' {problem}", request);
        Assert.Equal($"{File}, line 3, column 17: 'services[0].cpu_millis' {problem}", scenario);
    }

    [Fact]
    public void OneHalfOfASize_DecidesTheOtherInACreateAndAScenario()
    {
        var request = ServiceRequests.ParseCreate(Body("""{"name": "db", "cpu_millis": "2000"}"""));
        var scenario = Scenario("services:\n  - name: db\n    cpu_millis: 2000\n").Services.Single();

        Assert.Equal((2000, 8), (request.CpuMillis, request.MemoryGbs));
        Assert.Equal((2000, 8), (scenario.CpuMillis, scenario.MemoryGbs));
    }

    [Fact]
    public void ReplicaSetNodesAboveTen_IsRefusedAlikeInARequestAndAScenario()
    {
        var request = Refusal(() => ReplicaSetRequests.ParseCreate(Body("""{"name": "r", "nodes": 11, "cpu_millis": 500, "memory_gbs": 2}""")));
        var scenario = Refusal(() => Scenario("services:\n  - {id: svc0000001, name: db}\nreplica_sets:\n  - {service: svc0000001, name: r, nodes: 11}\n"));

        Assert.Equal("'nodes' must be between 1 and 10, not 11", request);
        Assert.Equal($"{File}, line 4, column 43: 'replica_sets[0].nodes' must be between 1 and 10, not 11", scenario);
    }

    [Fact]
    public void ReplicaSetSize_OffersOnlyDedicatedPairs()
    {
        var request = Refusal(() => ReplicaSetRequests.ParseCreate(Body("""{"name": "r", "nodes": 1, "cpu_millis": 500, "memory_gbs": 4}""")));

        Assert.Equal($"'cpu_millis' with memory_gbs gives 500/4, not an offered size; allowed pairs: {ComputeSizes.AllowedDedicated}", request);
    }

    [Fact]
    public void RequestBody_WithARepeatedKey_TakesTheLastValue()
    {
        var create = ServiceRequests.ParseCreate(Body("""{"name": "first", "name": "last"}"""));

        Assert.Equal("last", create.Name);
    }

    [Fact]
    public void RequestBody_WithALoneSurrogate_IsRefusedByFieldAsA400()
    {
        var refused = Assert.IsType<DocumentException>(Record.Exception(() => Body("""{"name": "\ud800"}""")), exactMatch: false);

        Assert.Equal((400, "INVALID_REQUEST", "'name' is not valid Unicode text"), (refused.Error.StatusCode, refused.Error.Value.Code, refused.Message));
    }

    private static MapReader Body(string json) => JsonBody.Parse(Encoding.UTF8.GetBytes(json));

    private static Scenario Scenario(string yaml) =>
        ScenarioReader.Read(YamlDocument.Parse(yaml, File), File, "rules", new EmulatorOptions(), RegisteredTable.Instance);

    // Either path refuses with a 400 the error boundary answers as it is.
    private static string Refusal(Action read)
    {
        var refused = Assert.IsType<DocumentException>(Record.Exception(read));
        Assert.Equal((400, "INVALID_REQUEST"), (refused.Error.StatusCode, refused.Error.Value.Code));
        return refused.Message;
    }

    private static string Refusal<T>(Func<T> read) => Refusal(() => { read(); });
}
