namespace TigerEmulator.Logs;

/// A System.Random that is re-seeded in place (SplitMix64). A new seeded System.Random costs microseconds to build,
/// and every log line needs a fresh seed, so one instance is re-seeded per line instead.
internal sealed class ReseedableRandom : Random
{
    private ulong state;

    public void Reseed(ulong seed) => state = seed;

    public override int Next() => (int)Below(int.MaxValue);

    public override int Next(int maxValue) => (int)Below((ulong)maxValue);

    public override int Next(int minValue, int maxValue) => (int)(minValue + (long)Below((ulong)((long)maxValue - minValue)));

    public override long NextInt64() => (long)Below(long.MaxValue);

    public override long NextInt64(long maxValue) => (long)Below((ulong)maxValue);

    public override long NextInt64(long minValue, long maxValue) => minValue + (long)Below((ulong)(maxValue - minValue));

    public override double NextDouble() => Sample();

    public override float NextSingle() => (NextBits() >> 40) * (1f / (1 << 24));

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)NextBits();
        }
    }

    protected override double Sample() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    // Multiply-high maps 64 random bits onto [0, bound) without a division.
    private ulong Below(ulong bound) => Math.BigMul(NextBits(), bound, out _);

    private ulong NextBits()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
