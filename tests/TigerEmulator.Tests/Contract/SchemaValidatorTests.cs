using System.Text.Json.Nodes;

namespace TigerEmulator.Tests.Contract;

/// The validator must be able to fail, or the contract tests that lean on it prove nothing: the older revision's
/// plain schemas first, then what only the newer revision uses.
public sealed class SchemaValidatorTests
{
    private const string LatestService =
        """{"service_id":"s","project_id":"p","name":"n","region_code":"us-east-1","service_type":"TIMESCALEDB","created":"2026-01-15T09:00:00Z","status":"READY","resources":[]""";
    [Theory]
    [InlineData("Service", """{"service_id":"abc","created":"2026-01-15T09:00:00Z","status":"READY","vpcEndpoint":null}""")]
    [InlineData("Service", """{"resources":[{"id":"r","spec":{"cpu_millis":1000,"memory_gbs":4}}],"endpoint":{"host":"h","port":5432}}""")]
    [InlineData("Service", """{"created":"2026-01-15T09:00:00.123+01:00","unknown_extra":[1,2]}""")]
    [InlineData("AuthInfo", """{"type":"apiKey","apiKey":{"public_key":"p","name":"n","created":"2026-01-15T09:00:00Z","project":{"id":"i","name":"n","plan_type":"FREE"},"issuing_user":{"id":"u","name":"n","email":"e@example.com"}}}""")]
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

    [Theory]
    [InlineData("Service", LatestService + "}")]
    [InlineData("Service", LatestService + ""","metrics":null,"vpc_endpoint":{"host":"h","port":5432,"vpc_id":"1"},"vpcEndpoint":{"host":"h","port":5432}}""")]
    [InlineData("VPC", """{"id":"1","name":"n","cidr":"10.0.0.0/16","region_code":"us-east-1"}""")]
    [InlineData("MetricsSeriesRequest", """{"name":"n","from":"2026-01-15T09:00:00Z","to":"2026-01-15T10:00:00.123456789Z","bucket_seconds":60}""")]
    [InlineData("MetricDataPoint", """{"time":"2026-01-15T09:00:00Z","value":null}""")]
    [InlineData("MetricSeries", """{"labels":{"role":"primary"},"data":[{"time":"2026-01-15T09:00:00Z","value":1.5}]}""")]
    [InlineData("ResizeInput", """{"cpu_millis":"1000","memory_gbs":"4"}""")]
    public void ValidBody_UnderTheNewerRevision_HasNoProblems(string schemaName, string json)
    {
        Assert.Empty(SchemaValidator.Problems(JsonNode.Parse(json), Latest(schemaName)));
    }

    [Theory]
    [InlineData("Service", """{"name":"n"}""", "required property 'service_id'")]
    [InlineData("Service", """{"status":"RUNNING"}""", "$.status")]
    [InlineData("Service", LatestService + ""","vpc_endpoint":{"port":"5432"}}""", "$.vpc_endpoint.port")]
    [InlineData("Service", LatestService + ""","vpcEndpoint":null}""", "$.vpcEndpoint")]
    [InlineData("Service", LatestService + ""","metrics":{"memory_mb":1.5}}""", "$.metrics.memory_mb")]
    [InlineData("VPC", """{"id":"1","name":"n","cidr":"10.0.0.0/33","region_code":"r"}""", "$.cidr")]
    [InlineData("VPC", """{"id":"1","name":"n","cidr":"10.0.0/16","region_code":"r"}""", "$.cidr")]
    [InlineData("Peering", """{"id":"1"}""", "required property 'peer_vpc_id'")]
    [InlineData("MetricsSeriesRequest", """{"name":"n","from":"2026-01-15T09:00:00Z","to":"2026-01-15T10:00:00Z","colour":"red"}""", "'colour'")]
    [InlineData("MetricsSeriesRequest", """{"name":"n","from":"2026-01-15T09:00:00Z","to":"2026-01-15T10:00:00Z","bucket_seconds":59}""", "$.bucket_seconds")]
    [InlineData("MetricsSeriesRequest", """{"name":"n","from":"2026-01-15T09:00:00Z","to":"2026-01-15T10:00:00Z","filters":[{"key":"","value":"v"}]}""", "$.filters[0].key")]
    [InlineData("MetricDataPoint", """{"time":"2026-01-15T09:00:00Z"}""", "'value'")]
    [InlineData("MetricSeries", """{"labels":{"role":5},"data":[]}""", "$.labels.role")]
    [InlineData("ResizeInput", """{"cpu_millis":"shared","memory_gbs":"4"}""", "$.cpu_millis")]
    [InlineData("ServiceCreate", """{"name":""}""", "$.name")]
    [InlineData("ServiceCreate", """{"replica_count":-1}""", "$.replica_count")]
    public void BrokenBody_UnderTheNewerRevision_IsReportedAtThePropertyThatBreaksIt(string schemaName, string json, string where)
    {
        var problems = SchemaValidator.Problems(JsonNode.Parse(json), Latest(schemaName));

        Assert.Contains(problems, problem => problem.Contains(where, StringComparison.Ordinal));
    }

    private static Microsoft.OpenApi.IOpenApiSchema Schema(string name) => OpenApiContract.Older.Document.Components!.Schemas![name];

    private static Microsoft.OpenApi.IOpenApiSchema Latest(string name) => OpenApiContract.Latest.Document.Components!.Schemas![name];
}
