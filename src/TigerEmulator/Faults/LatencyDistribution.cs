namespace TigerEmulator.Faults;

/// How long a latency fault waits, drawn from the rule's seeded random source.
public abstract record LatencyDistribution(string Name)
{
    public abstract TimeSpan Sample(Random random);
}

public sealed record FixedLatency(double Ms) : LatencyDistribution("fixed")
{
    public override TimeSpan Sample(Random random) => TimeSpan.FromMilliseconds(Ms);
}

public sealed record UniformLatency(double MinMs, double MaxMs) : LatencyDistribution("uniform")
{
    public override TimeSpan Sample(Random random) => TimeSpan.FromMilliseconds(MinMs + (random.NextDouble() * (MaxMs - MinMs)));
}

/// A long-tailed latency, as networks have: the median is typical, a few requests take much longer. Capped at MaxMs
/// so that one unlucky draw cannot stall a test run.
public sealed record LognormalLatency(double MedianMs, double Sigma, double MaxMs) : LatencyDistribution("lognormal")
{
    public override TimeSpan Sample(Random random)
    {
        // Box-Muller: two uniform draws make one standard normal draw.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(MaxMs, MedianMs * Math.Exp(Sigma * normal)));
    }
}
