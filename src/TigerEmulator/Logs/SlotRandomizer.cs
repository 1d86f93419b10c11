using Bogus;
using Bogus.DataSets;

namespace TigerEmulator.Logs;

/// Bogus, re-seeded for each log line: the same seed always writes the same line, at the cost of a few arithmetic steps
/// rather than a new System.Random. One instance per request; it is not thread-safe.
internal sealed class SlotRandomizer : Randomizer
{
    private readonly ReseedableRandom source = new();

    public SlotRandomizer()
    {
        localSeed = source;
        Internet = new Internet { Random = this };
    }

    /// Client addresses and ports, drawn from the same seed as the rest of the line.
    public Internet Internet { get; }

    public SlotRandomizer Seeded(ulong seed)
    {
        source.Reseed(seed);
        return this;
    }
}
