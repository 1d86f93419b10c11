namespace TigerEmulator.Logs;

/// The draws that decide one log line, from the line's slot hash: SplitMix64, re-seeded in place for each line, with no
/// lock and no virtual call, since a page makes thousands of draws. Bounds are inclusive, as in Bogus's Randomizer.
/// One instance per page; it is not thread-safe.
internal sealed class SlotDraws
{
    private ulong state;

    public SlotDraws Seeded(ulong seed)
    {
        state = seed;
        return this;
    }

    public int Number(int min, int max) => (int)Number(min, (long)max);

    public long Number(long min, long max) => min + (long)Below((ulong)(max - min) + 1);

    public T Pick<T>(T[] items) => items[Below((ulong)items.Length)];

    public bool Chance(double probability) => SlotHash.Uniform(Next()) < probability;

    /// A measured figure between min and max, to the thousandth, as PostgreSQL prints durations and rates.
    public Thousandths Amount(double min, double max) => new(Number((long)(min * 1000), (long)(max * 1000)));

    // Multiply-high maps 64 random bits onto [0, bound) without a division.
    private ulong Below(ulong bound) => Math.BigMul(Next(), bound, out _);

    private ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
