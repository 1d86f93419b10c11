using System.Globalization;

namespace TigerEmulator.Tests.Contract;

/// The few operations whose valid call needs more than the resources named in their path and the contract's
/// example body. Each entry says why; everything else is derived from openapi.yml.
public static class OperationFixtures
{
    public static readonly IReadOnlyDictionary<string, Func<OperationStage, ContractCall, Task<ContractCall>>> ByOperationId =
        new Dictionary<string, Func<OperationStage, ContractCall, Task<ContractCall>>>
        {
            // A list validated while empty checks nothing: give each list one item.
            ["getServices"] = async (stage, call) =>
            {
                await stage.Seeder.ReadyServiceAsync();
                return call;
            },
            ["getVPCs"] = async (stage, call) =>
            {
                await stage.Seeder.VpcAsync();
                return call;
            },
            ["getVPCPeerings"] = async (stage, call) =>
            {
                await stage.Seeder.PeeringAsync(call.Ids["vpc_id"]);
                return call;
            },
            ["getReplicaSets"] = async (stage, call) =>
            {
                await stage.Seeder.ActiveReplicaSetAsync(call.Ids["service_id"]);
                return call;
            },

            // Only a paused service can be started.
            ["startService"] = async (stage, call) =>
            {
                await stage.Seeder.StopAsync(call.Ids["service_id"]);
                return call;
            },

            // The example vpc_id names no VPC; attach needs one in the service's region.
            ["attachServiceToVPC"] = async (stage, call) =>
            {
                var vpcId = await stage.Seeder.VpcAsync();
                return call.WithBody(body => body["vpc_id"] = vpcId);
            },

            // Detach needs the service attached to the VPC it names.
            ["detachServiceFromVPC"] = async (stage, call) =>
            {
                var vpcId = await stage.Seeder.VpcAsync();
                await stage.Seeder.AttachAsync(call.Ids["service_id"], vpcId);
                return call.WithBody(body => body["vpc_id"] = vpcId);
            },

            // Exercise the strictest strategy: PITR with a target_time inside the parent's lifetime.
            ["forkService"] = async (stage, call) =>
            {
                var parent = await stage.Seeder.ServiceAsync(call.Ids["service_id"]);
                var created = DateTimeOffset.Parse((string)parent["created"]!, CultureInfo.InvariantCulture);
                return call.WithBody(body =>
                {
                    body["fork_strategy"] = "PITR";
                    body["target_time"] = Rfc3339(created.AddSeconds(1));
                });
            },

            // The example asks RATE of a CPU gauge, which the contract's own list refuses, over a window in June 2026,
            // after the emulated clock's now: ask the series' default over the last hour of a service an hour old.
            ["getServiceMetricsSeries"] = async (stage, call) =>
            {
                await stage.Factory.AdvanceAsync(TimeSpan.FromHours(1));
                var now = stage.Factory.Clock.GetUtcNow();
                return call.WithBody(body =>
                {
                    body.Remove("fn");
                    body["from"] = Rfc3339(now.AddHours(-1));
                    body["to"] = Rfc3339(now);
                    body["bucket_seconds"] = 60;
                });
            },

            // The contract's example, 250 millicores with 1 GB, is not an offered size; 1000/4 is.
            ["createReplicaSet"] = (_, call) => Task.FromResult(call.WithBody(body =>
            {
                body["cpu_millis"] = 1000;
                body["memory_gbs"] = 4;
            })),
        };

    public static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
