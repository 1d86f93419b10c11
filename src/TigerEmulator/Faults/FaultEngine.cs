using TigerEmulator.Reading;
using TigerEmulator.Scenarios;

namespace TigerEmulator.Faults;

/// The one place where fault rules are kept and evaluated, for requests and for lifecycle steps alike.
/// With no rules, <see cref="IsEmpty"/> is a single field read, so the request path pays nothing for faults it has not got.
public sealed class FaultEngine
{
    private readonly Lock gate = new();
    private ArmedRule[] rules = [];
    private int seed = 1;
    private int generatedIds;

    public bool IsEmpty => Volatile.Read(ref rules).Length == 0;

    /// Raised after a rule is added (outside the engine's lock), with the rule as stored.
    public event Action<FaultRule>? Added;

    /// Replaces every rule with a scenario's, and starts every count and random source afresh from the seed.
    public void Load(IEnumerable<FaultRule> scenarioRules, int randomSeed)
    {
        lock (gate)
        {
            seed = randomSeed;
            generatedIds = 0;
            Volatile.Write(ref rules, []);
            foreach (var rule in scenarioRules)
            {
                Add(rule);
            }
        }
    }

    /// Adds a rule at the end and returns it with its id (given, or the next free "fN").
    public FaultRule Add(FaultRule rule)
    {
        FaultRule named;
        lock (gate)
        {
            if (rule.Id is { } id && rules.Any(armed => armed.Rule.Id == id))
            {
                throw DocumentException.At(null, new NodePlace("id"), $"is already used by another fault rule: '{id}'");
            }

            named = rule.Id is null ? rule with { Id = NextId() } : rule;
            Volatile.Write(ref rules, [.. rules, new ArmedRule(named, ArmedRule.SourceFor(seed, named.Id!))]);
        }

        Added?.Invoke(named);
        return named;
    }

    public bool Remove(string id)
    {
        lock (gate)
        {
            var before = rules;
            var kept = before.Where(armed => armed.Rule.Id != id).ToArray();
            Volatile.Write(ref rules, kept);
            return kept.Length < before.Length;
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            Volatile.Write(ref rules, []);
        }
    }

    public IReadOnlyList<FaultRuleState> List()
    {
        lock (gate)
        {
            return rules.Select(armed => new FaultRuleState(armed.Rule, armed.Matched, armed.Fired)).ToList();
        }
    }

    /// Decides what happens to one request. Every matching rule counts the request, whatever the others do.
    public FaultDecision DecideRequest(FaultTarget target)
    {
        lock (gate)
        {
            var delay = TimeSpan.Zero;
            FaultEffect? terminal = null;
            string? terminalRule = null;
            List<string>? fired = null;
            List<string>? failOver = null;
            foreach (var armed in rules)
            {
                if (armed.Rule.Effect.IsLifecycle || armed.Rule.Effect.IsConnection || !armed.Rule.Match.Matches(target) || !armed.Fire())
                {
                    continue;
                }

                (fired ??= []).Add(armed.Rule.Id!);
                if (armed.Rule.Effect is LatencyEffect latency)
                {
                    delay += latency.Distribution.Sample(armed.Random);
                }
                else if (armed.Rule.Effect is FailoverEffect)
                {
                    (failOver ??= []).Add(armed.Rule.Match.Resource!);
                }
                else if (terminal is null)
                {
                    terminal = armed.Rule.Effect;
                    terminalRule = armed.Rule.Id;
                }
            }

            return fired is null ? FaultDecision.None : new FaultDecision(delay, terminal, terminalRule, fired) { FailOver = failOver ?? [] };
        }
    }

    /// Decides what happens to a due lifecycle step of a resource of the given kind: the first rule that fires wins.
    public FaultEffect? DecideStep(FaultTarget target, string kind)
    {
        lock (gate)
        {
            FaultEffect? chosen = null;
            foreach (var armed in rules)
            {
                if (armed.Rule.Effect.AppliesTo(kind) && armed.Rule.Match.Matches(target) && armed.Fire())
                {
                    chosen ??= armed.Rule.Effect;
                }
            }

            return chosen;
        }
    }

    /// Decides what happens to one new database connection: latency rules add up, the first refusal or silence wins.
    public (TimeSpan Delay, ConnectionEffect? Terminal, List<string>? Fired) DecideConnection(FaultTarget target)
    {
        lock (gate)
        {
            var delay = TimeSpan.Zero;
            ConnectionEffect? terminal = null;
            List<string>? fired = null;
            foreach (var armed in rules)
            {
                if (armed.Rule.Effect is not (RefuseConnectionsEffect or ConnectionLatencyEffect or UnreachableEffect) || !armed.Rule.Match.Matches(target) || !armed.Fire())
                {
                    continue;
                }

                (fired ??= []).Add(armed.Rule.Id!);
                if (armed.Rule.Effect is ConnectionLatencyEffect latency)
                {
                    delay += latency.Distribution.Sample(armed.Random);
                }
                else
                {
                    terminal ??= (ConnectionEffect)armed.Rule.Effect;
                }
            }

            return (delay, terminal, fired);
        }
    }

    /// Whether one rule, by its id, fires on the target (a match counted); false once the rule is gone.
    public bool Fires(string ruleId, FaultTarget target)
    {
        lock (gate)
        {
            return rules.FirstOrDefault(armed => armed.Rule.Id == ruleId) is { } armed && armed.Rule.Match.Matches(target) && armed.Fire();
        }
    }

    private string NextId()
    {
        string id;
        do
        {
            id = $"f{++generatedIds}";
        }
        while (rules.Any(armed => armed.Rule.Id == id));
        return id;
    }
}

/// A rule with how many requests or steps it has matched and how many it has failed.
public sealed record FaultRuleState(FaultRule Rule, int Matched, int Fired);
