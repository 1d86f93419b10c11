namespace TigerEmulator.Tests.Contract;

/// Calls that are well-formed but clash with the state of what they name. As in the cloud, an action the current status
/// does not allow is invalid (400: the Tiger CLI's suite expects it for start on READY and stop on PAUSED); 409 is kept
/// for clashes between resources (a second VPC, a VPC that still has services); an unknown id in the body is a 404.
public static class ConflictCases
{
    public static IEnumerable<BadInputCase> All()
    {
        yield return Case("attachServiceToVPC", "VPC in another region", async (stage, call) =>
        {
            var elsewhere = await stage.Seeder.VpcAsync("eu-west-1", "10.9.0.0/16");
            return call.WithBody(body => body["vpc_id"] = elsewhere);
        }, ExpectedError.Invalid("eu-west-1"));
        yield return Case("attachServiceToVPC", "attached twice", async (stage, call) =>
        {
            await stage.Seeder.AttachAsync(call.Ids["service_id"], (string)call.Body!["vpc_id"]!);
            return call;
        }, ExpectedError.Conflict("already attached"));
        yield return BadInputCase.OfBody("attachServiceToVPC", "VPC that does not exist", body => body["vpc_id"] = PathAndQueryCases.UnknownId, ExpectedError.NotFound(PathAndQueryCases.UnknownId));
        yield return Case("detachServiceFromVPC", "VPC it is not attached to", async (stage, call) =>
        {
            var other = await stage.Seeder.VpcAsync(cidr: "10.8.0.0/16");
            return call.WithBody(body => body["vpc_id"] = other);
        }, ExpectedError.Conflict("not attached"));
        yield return Case("deleteVPC", "a service is attached", async (stage, call) =>
        {
            await stage.Seeder.AttachAsync(await stage.Seeder.ReadyServiceAsync(), call.Ids["vpc_id"]);
            return call;
        }, ExpectedError.Conflict("attached"));

        foreach (var operation in new[] { "stopService", "resizeService", "setHAReplica", "forkService", "createReplicaSet", "attachServiceToVPC" })
        {
            yield return Case(operation, "service is paused", async (stage, call) =>
            {
                await stage.Seeder.StopAsync(call.Ids["service_id"]);
                return call;
            }, ExpectedError.Invalid("PAUSED"));
        }

        yield return Case("startService", "service is already running", async (stage, call) =>
        {
            Assert.Equal(202, (int)(await stage.SendAsync(call)).StatusCode);
            await stage.Seeder.WaitForStatusAsync(stage.Seeder.ServicePath(call.Ids["service_id"]), "READY");
            return call;
        }, ExpectedError.Invalid("READY"));
        yield return Case("resizeReplicaSet", "replica set is still resizing", async (stage, call) =>
        {
            Assert.Equal(202, (int)(await stage.SendAsync(call)).StatusCode);
            return call;
        }, ExpectedError.Invalid("resizing"));
    }

    private static BadInputCase Case(string operationId, string what, Func<OperationStage, ContractCall, Task<ContractCall>> spoil, ExpectedError expected) =>
        new($"{operationId}: {what}", operationId, spoil, expected);
}
