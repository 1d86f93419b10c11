using System.Text.RegularExpressions;
using TigerEmulator.Lifecycle;
using TigerEmulator.Reading;
using TigerEmulator.Scenarios;

namespace TigerEmulator.Faults;

/// Reads one fault rule, from a scenario file or from POST /_emulator/faults, refusing anything doubtful by field name.
public static partial class FaultRuleReader
{
    public static readonly IReadOnlyList<string> Effects =
        [
            "error", "latency", "drop", "truncate", "hang", "stall", "unstable", "replica_error", "peering_failure", "failover",
            "refuse_connections", "end_connections", "connection_latency", "unreachable",
        ];

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static FaultRule Read(MapReader rule, TransitionTable table)
    {
        var id = rule.OptionalString("id", 64);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            throw rule.Error("id", "may hold only letters, digits, '.', '_' and '-'");
        }

        var effectName = rule.OptionalEnum("effect", Effects) ?? (rule.Has("status") ? "error" : throw rule.Error("effect", $"is required (one of {string.Join(", ", Effects)}), unless 'status' makes it an error"));
        var match = ReadMatch(rule);
        var effect = FaultEffectReader.Read(effectName, rule);
        CheckMatchFits(rule, match, effect, table);
        CheckFailoverNamesService(rule, match, effect);
        var probability = rule.OptionalNumber("probability", 0, 1) ?? 1;
        var times = rule.OptionalInt("times", 1, int.MaxValue);
        var after = rule.OptionalInt("after", 0, int.MaxValue) ?? 0;
        rule.RejectUnknown();
        return new FaultRule(id, match, effect, probability, times, after);
    }

    private static FaultMatch ReadMatch(MapReader rule)
    {
        var operation = rule.OptionalString("operation", 64);
        if (operation is not null && !ContractOperations.All.Contains(operation))
        {
            throw rule.Error("operation", $"is not an operationId of the contract: '{operation}'");
        }

        var method = rule.OptionalString("method", 8)?.ToUpperInvariant();
        if (method is not null && !Methods.Contains(method))
        {
            throw rule.Error("method", $"must be one of {string.Join(", ", Methods)}, not '{method}'");
        }

        var path = rule.OptionalString("path", 512);
        if (path is not null && !path.StartsWith('/'))
        {
            throw rule.Error("path", $"must start with '/', not '{path}'");
        }

        return new FaultMatch(operation, method, path, rule.OptionalString("project", 64), rule.OptionalString("resource", 64), rule.OptionalInt("node", 0, 100));
    }

    // A failover happens to one service: the rule names it, whichever requests it matches on.
    private static void CheckFailoverNamesService(MapReader rule, FaultMatch match, FaultEffect effect)
    {
        if (effect is FailoverEffect && match.Resource is null)
        {
            throw rule.Error("resource", "is required for the effect 'failover': the id of the service whose primary fails");
        }
    }

    // A lifecycle fault happens in the background, to a resource: it has no method or path, only the call that began the action.
    private static void CheckMatchFits(MapReader rule, FaultMatch match, FaultEffect effect, TransitionTable table)
    {
        // A connection reaches a service's database: there is no call, method or path, only the service and its node.
        if (effect.IsConnection)
        {
            foreach (var field in new[] { "operation", "method", "path" }.Where(rule.Has))
            {
                throw rule.Error(field, $"does not apply to the connection effect '{effect.Name}'; match it with project, resource (the service id) and node");
            }

            return;
        }

        if (rule.Has("node"))
        {
            throw rule.Error("node", $"applies only to the connection effects (refuse_connections, end_connections, connection_latency, unreachable), not to '{effect.Name}'");
        }

        if (!effect.IsLifecycle)
        {
            return;
        }

        foreach (var field in new[] { "method", "path" })
        {
            if (rule.Has(field))
            {
                throw rule.Error(field, $"does not apply to the lifecycle effect '{effect.Name}'; match it with operation, project and resource");
            }
        }

        var starters = ContractOperations.StartingFor(table, effect);
        if (match.Operation is not null && !starters.Contains(match.Operation))
        {
            throw rule.Error("operation", $"must start an action the effect '{effect.Name}' applies to ({string.Join(", ", starters)}), not '{match.Operation}'");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex IdPattern();
}
