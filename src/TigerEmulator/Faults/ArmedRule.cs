namespace TigerEmulator.Faults;

/// A rule in force: its counters and its own random source, so that whether it fires depends only on its own
/// matches and the seed, never on what other rules or the lifecycle worker drew.
internal sealed class ArmedRule(FaultRule rule, Random random)
{
    public FaultRule Rule { get; } = rule;

    public Random Random { get; } = random;

    public int Matched { get; private set; }

    public int Fired { get; private set; }

    /// Called for each match, in order: counts it and says whether the fault happens to this one.
    public bool Fire()
    {
        var index = Matched++;
        if (index < Rule.After || (Rule.Times is { } times && index >= Rule.After + times))
        {
            return false;
        }

        if (Rule.Probability < 1 && Random.NextDouble() >= Rule.Probability)
        {
            return false;
        }

        Fired++;
        return true;
    }

    /// The same seed and rule id always give the same stream; string.GetHashCode is randomized per process, so not that.
    public static Random SourceFor(int seed, string ruleId)
    {
        var hash = 2166136261u;
        foreach (var c in ruleId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return new Random(unchecked((int)hash ^ (seed * 486187739)));
    }
}
