using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// The per-operation contract test sees each body in one plain state; this one reads every optional part back
/// (VPC endpoint, pooler, HA, replica sets, fork origin, shared size) and checks it against both revisions' schemas.
public sealed class RichStateSchemaTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ServiceWithEveryOptionalPart_ReadsBackSchemaValid()
    {
        await using var stage = await OperationStage.PrepareAsync("getService", output);
        var (client, seeder) = (stage.Client, stage.Seeder);
        var serviceId = stage.ValidCall.Ids["service_id"];
        var servicePath = seeder.ServicePath(serviceId);
        await seeder.AttachAsync(serviceId, await seeder.VpcAsync());
        await PostAsync(client, $"{servicePath}/enablePooler", null, HttpStatusCode.OK);
        await PostAsync(client, $"{servicePath}/setHA", new { replica_count = 2, sync_replica_count = 1 }, HttpStatusCode.Accepted);
        await seeder.WaitForStatusAsync(servicePath, "READY");
        var setId = await seeder.ActiveReplicaSetAsync(serviceId);
        await PostAsync(client, $"{servicePath}/replicaSets/{setId}/enablePooler", null, HttpStatusCode.OK);
        var fork = await PostAsync(client, $"{servicePath}/forkService", new { fork_strategy = "NOW" }, HttpStatusCode.Accepted);
        var shared = await PostAsync(client, $"{seeder.ProjectPath}/services", new { name = "shared-db", cpu_millis = "shared", memory_gbs = "shared" }, HttpStatusCode.Accepted);
        await seeder.WaitForStatusAsync(seeder.ServicePath((string)fork["service_id"]!), "READY");

        var service = await AssertSchemaValidAsync(client, "getService", servicePath);
        await AssertSchemaValidAsync(client, "getServices", $"{seeder.ProjectPath}/services");
        await AssertSchemaValidAsync(client, "getReplicaSets", $"{servicePath}/replicaSets");
        await AssertSchemaValidAsync(client, "getServiceLogs", $"{servicePath}/logs?node=2");
        var child = await AssertSchemaValidAsync(client, "getService", seeder.ServicePath((string)fork["service_id"]!));
        var sharedService = await AssertSchemaValidAsync(client, "getService", seeder.ServicePath((string)shared["service_id"]!));

        // Make sure the optional parts were really there to be checked.
        Assert.NotNull(service["vpc_endpoint"]);
        Assert.Equal(service["vpc_endpoint"]!.ToJsonString(), service["vpcEndpoint"]!.ToJsonString());
        Assert.NotNull(service["connection_pooler"]);
        Assert.Equal(2, (int)service["ha_replicas"]!["replica_count"]!);
        Assert.NotNull(service["read_replica_sets"]![0]!["connection_pooler"]);
        Assert.Equal(serviceId, (string?)child["forked_from"]!["service_id"]);
        Assert.Null(sharedService["resources"]![0]!["spec"]!["cpu_millis"]);
    }

    private async Task<JsonNode> AssertSchemaValidAsync(HttpClient client, string operationId, string path)
    {
        var body = await client.GetJsonAsync(path);
        output.WriteLine($"{operationId} {path}: {body.ToJsonString()}");
        foreach (var revision in OpenApiContract.Having(operationId))
        {
            var problems = SchemaValidator.Problems(body, revision.Find(operationId).SuccessSchema!);
            Assert.True(problems.Count == 0, $"{path} breaks {revision}:\n{string.Join("\n", problems)}");
        }

        return body;
    }

    private static async Task<JsonNode> PostAsync(HttpClient client, string path, object? body, HttpStatusCode expected)
    {
        var response = await client.PostAsync(path, body is null ? null : Api.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
