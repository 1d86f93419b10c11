using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// The last valid value beside each hand-written limit, so that the corpus cannot be satisfied by refusing too much.
public sealed class BoundaryAcceptanceTests(ITestOutputHelper output)
{
    private static readonly string LongestName = new('n', NameAndNetworkCases.MaxNameLength);

    public static TheoryData<string, string> Cases => new()
    {
        { "createService", $$"""{"name":"{{LongestName}}"}""" },
        { "createVPC", $$"""{"name":"{{LongestName}}"}""" },
        { "createVPC", """{"cidr":"10.0.0.0/28"}""" },
        { "createVPC", """{"cidr":"10.0.0.0/8"}""" },
        { "updatePassword", """{"password":"12345678"}""" },
        { "createReplicaSet", """{"nodes":10}""" },
        { "createService", """{"replica_count":0,"cpu_millis":"shared","memory_gbs":"shared"}""" },
        { "setHAReplica", """{"replica_count":2,"sync_replica_count":2}""" },
        { "resizeService", """{"cpu_millis":"32000","memory_gbs":"128"}""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task LastValidValue_IsAccepted(string operationId, string fields)
    {
        await using var stage = await OperationStage.PrepareAsync(operationId, output);
        var call = stage.ValidCall.WithBody(body =>
        {
            foreach (var (name, value) in JsonNode.Parse(fields)!.AsObject())
            {
                body[name] = value?.DeepClone();
            }
        });

        var response = await stage.SendAsync(call);

        Assert.True(
            (int)response.StatusCode == stage.Operation.SuccessStatus,
            $"{call} with {fields}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
