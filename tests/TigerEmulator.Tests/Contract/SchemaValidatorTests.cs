using System.Text.Json.Nodes;

namespace TigerEmulator.Tests.Contract;

/// The validator must be able to fail, or the contract tests that lean on it prove nothing.
public sealed class SchemaValidatorTests
{
    [Theory]
    [InlineData("Service", """{"service_id":"abc","created":"2026-01-15T09:00:00Z","status":"READY","vpcEndpoint":null}""")]
    [InlineData("Service", """{"resources":[{"id":"r","spec":{"cpu_millis":1000,"memory_gbs":4}}],"endpoint":{"host":"h","port":5432}}""")]
    [InlineData("Service", """{"created":"2026-01-15T09:00:00.123+01:00","unknown_extra":[1,2]}""")]
    [InlineData("AuthInfo", """{"type":"apiKey","apiKey":{"public_key":"p","name":"n","created":"2026-01-15T09:00:00Z","project":{"id":"i","name":"n","plan_type":"FREE"},"issuing_user":{"id":"u","name":"n","email":"e"}}}""")]
    public void ValidBody_HasNoProblems(string schemaName, string json)
    {
        Assert.Empty(SchemaValidator.Problems(JsonNode.Parse(json), Schema(schemaName)));
    }

    [Theory]
    [InlineData("Service", """{"name":5}""", "$.name")]
    [InlineData("Service", """{"resources":[{"spec":{"cpu_millis":"1000"}}]}""", "$.resources[0].spec.cpu_millis")]
    [InlineData("Service", """{"endpoint":{"port":1.5}}""", "$.endpoint.port")]
    [InlineData("Service", """{"status":"RUNNING"}""", "$.status")]
    [InlineData("Service", """{"created":"2026-01-15T09:00:00"}""", "$.created")]
    [InlineData("Service", """{"created":"yesterday"}""", "$.created")]
    [InlineData("Service", """{"endpoint":null}""", "$.endpoint")]
    [InlineData("Service", """{"read_replica_sets":{}}""", "$.read_replica_sets")]
    [InlineData("Service", """{"forked_from":{"is_standby":"false"}}""", "$.forked_from.is_standby")]
    [InlineData("ServiceLogs", """{"entries":[]}""", "'logs'")]
    [InlineData("AuthInfo", """{"type":"oauth","apiKey":{}}""", "$.type")]
    [InlineData("AuthInfo", """{"type":"apiKey","apiKey":{"public_key":"p"}}""", "'issuing_user'")]
    public void BrokenBody_IsReportedAtThePropertyThatBreaksIt(string schemaName, string json, string where)
    {
        var problems = SchemaValidator.Problems(JsonNode.Parse(json), Schema(schemaName));

        Assert.Contains(problems, problem => problem.Contains(where, StringComparison.Ordinal));
    }

    private static Microsoft.OpenApi.IOpenApiSchema Schema(string name) => OpenApiContract.Document.Components!.Schemas![name];
}
