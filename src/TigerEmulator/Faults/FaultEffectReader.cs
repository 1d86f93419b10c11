using TigerEmulator.Reading;
using TigerEmulator.Scenarios;

namespace TigerEmulator.Faults;

/// Reads the fields of one effect and refuses the fields that belong to another effect.
public static class FaultEffectReader
{
    private const double MaxMs = 10 * 60 * 1000;

    private static readonly Dictionary<string, string[]> Fields = new()
    {
        ["error"] = ["status", "code", "message", "retry_after"],
        ["latency"] = ["distribution", "ms", "min_ms", "max_ms", "median_ms", "sigma"],
        ["hang"] = ["ms"],
        ["unstable"] = ["recover"],
        ["peering_failure"] = ["message"],
        ["refuse_connections"] = ["sqlstate", "message"],
        ["connection_latency"] = ["distribution", "ms", "min_ms", "max_ms", "median_ms", "sigma"],
        ["unreachable"] = ["ms"],
    };

    public static FaultEffect Read(string name, MapReader rule)
    {
        var own = Fields.GetValueOrDefault(name, []);
        foreach (var field in Fields.Values.SelectMany(fields => fields).Distinct().Where(field => !own.Contains(field)))
        {
            if (rule.Has(field))
            {
                throw rule.Error(field, $"does not apply to the effect '{name}'");
            }
        }

        return name switch
        {
            "error" => new ErrorEffect(
                rule.OptionalInt("status", 400, 599) ?? throw rule.Error("status", "is required for the effect 'error'"),
                rule.OptionalString("code", 64),
                rule.OptionalString("message", 1000),
                rule.OptionalInt("retry_after", 0, 86400)),
            "latency" => new LatencyEffect(ReadLatency(rule)),
            "drop" => new DropEffect(),
            "truncate" => new TruncateEffect(),
            "hang" => new HangEffect(TimeSpan.FromMilliseconds(rule.OptionalNumber("ms", 1, MaxMs) ?? throw rule.Error("ms", "is required: how long the hang lasts before the connection closes"))),
            "stall" => new StallEffect(),
            "unstable" => new UnstableEffect(rule.OptionalBool("recover") ?? true),
            "replica_error" => new ReplicaErrorEffect(),
            "failover" => new FailoverEffect(),
            "refuse_connections" => new RefuseConnectionsEffect(ReadSqlState(rule), rule.OptionalString("message", 1000) ?? RefuseConnectionsEffect.DefaultMessage),
            "end_connections" => new EndConnectionsEffect(),
            "connection_latency" => new ConnectionLatencyEffect(ReadLatency(rule)),
            "unreachable" => new UnreachableEffect(TimeSpan.FromMilliseconds(rule.OptionalNumber("ms", 1, MaxMs) ?? throw rule.Error("ms", "is required: how long a connection is left unanswered before it is reset"))),
            _ => new PeeringFailureEffect(rule.OptionalString("message", 1000) ?? "The peer VPC was not found or rejected the peering request"),
        };
    }

    // Five characters of digits and capitals, as PostgreSQL's error codes are; class 00 (success) is no refusal.
    private static string ReadSqlState(MapReader rule)
    {
        var code = rule.OptionalString("sqlstate", 5) ?? RefuseConnectionsEffect.DefaultSqlState;
        return code.Length == 5 && code.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)) && !code.StartsWith("00", StringComparison.Ordinal)
            ? code
            : throw rule.Error("sqlstate", $"must be a SQLSTATE of five digits and capital letters outside class 00, such as 57P03, not '{code}'");
    }

    private static LatencyDistribution ReadLatency(MapReader rule)
    {
        var distribution = rule.OptionalEnum("distribution", ["fixed", "uniform", "lognormal"]) ?? "fixed";
        double Required(string field) => rule.OptionalNumber(field, 0, MaxMs) ?? throw rule.Error(field, $"is required for the {distribution} distribution");
        var allowed = distribution switch
        {
            "fixed" => new[] { "ms" },
            "uniform" => ["min_ms", "max_ms"],
            _ => ["median_ms", "sigma", "max_ms"],
        };
        foreach (var field in new[] { "ms", "min_ms", "max_ms", "median_ms", "sigma" }.Where(field => !allowed.Contains(field) && rule.Has(field)))
        {
            throw rule.Error(field, $"does not apply to the {distribution} distribution");
        }

        switch (distribution)
        {
            case "fixed":
                return new FixedLatency(Required("ms"));
            case "uniform":
                var min = Required("min_ms");
                var max = Required("max_ms");
                return max >= min ? new UniformLatency(min, max) : throw rule.Error("max_ms", $"must not be below min_ms ({min}), not {max}");
            default:
                var median = Required("median_ms");
                return new LognormalLatency(median, rule.OptionalNumber("sigma", 0, 5) ?? 0.5, rule.OptionalNumber("max_ms", median, MaxMs) ?? Math.Min(MaxMs, median * 20));
        }
    }
}
