namespace TigerEmulator.Tests.Contract;

/// Hand-written rules on CPU/memory pairs, HA replica counts and replica set nodes.
public static class SizeAndCountCases
{
    // Allowed pairs: shared/shared, 500/2, 1000/4, 2000/8, 4000/16, 8000/32, 16000/64, 32000/128.
    private static readonly (string? Cpu, string? Memory)[] UnofferedStringSizes =
    [
        ("1000", "8"), ("3000", "12"), ("shared", "4"), ("1000", "shared"), ("4", "1000"), ("-500", "2"), ("1000.0", "4"), ("0", "0"), ("3000", null), (null, "3"),
    ];

    public static IEnumerable<BadInputCase> All()
    {
        foreach (var (cpu, memory) in UnofferedStringSizes)
        {
            yield return Size("createService", cpu, memory);
            yield return Size("forkService", cpu, memory);
        }

        foreach (var (cpu, memory) in new[] { ("shared", "shared"), ("shared", "4"), ("1000", "8"), ("500", "4") })
        {
            yield return Size("resizeService", cpu, memory);
            yield return Size("resizeReplicaSet", cpu, memory);
        }

        foreach (var (cpu, memory) in new[] { (250, 1), (1000, 8), (0, 0), (-1000, -4) })
        {
            yield return BadInputCase.OfBody("createReplicaSet", $"size {cpu}/{memory}", body => (body["cpu_millis"], body["memory_gbs"]) = (cpu, memory), ExpectedError.Invalid("cpu_millis"));
        }

        yield return BadInputCase.OfBody("setHAReplica", "neither count", body => body.Clear(), ExpectedError.Invalid("replica_count"));
        yield return BadInputCase.OfBody("setHAReplica", "both counts null", body => (body["replica_count"], body["sync_replica_count"]) = (null, null), ExpectedError.Invalid("replica_count"));
        foreach (var count in new[] { -1, 3 })
        {
            yield return BadInputCase.OfBody("setHAReplica", $"replica_count {count}", body => body["replica_count"] = count, ExpectedError.Invalid("replica_count"));
            yield return BadInputCase.OfBody("setHAReplica", $"sync_replica_count {count}", body => body["sync_replica_count"] = count, ExpectedError.Invalid("sync_replica_count"));
            yield return BadInputCase.OfBody("createService", $"replica_count {count}", body => body["replica_count"] = count, ExpectedError.Invalid("replica_count"));
        }

        yield return BadInputCase.OfBody("setHAReplica", "more sync replicas than replicas", body => (body["replica_count"], body["sync_replica_count"]) = (1, 2), ExpectedError.Invalid("sync_replica_count"));

        foreach (var nodes in new[] { 0, -1, 11 })
        {
            yield return BadInputCase.OfBody("createReplicaSet", $"{nodes} nodes", body => body["nodes"] = nodes, ExpectedError.Invalid("nodes"));
        }
    }

    private static BadInputCase Size(string operation, string? cpu, string? memory) =>
        BadInputCase.OfBody(operation, $"size {cpu ?? "(none)"}/{memory ?? "(none)"}", body =>
        {
            body.Remove("cpu_millis");
            body.Remove("memory_gbs");
            if (cpu is not null)
            {
                body["cpu_millis"] = cpu;
            }

            if (memory is not null)
            {
                body["memory_gbs"] = memory;
            }
        }, ExpectedError.Invalid(cpu is null ? "memory_gbs" : "cpu_millis"));
}
