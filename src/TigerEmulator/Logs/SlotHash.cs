namespace TigerEmulator.Logs;

/// Stable 64-bit hashes that name a log line: string.GetHashCode changes per process, and logs must repeat across restarts.
internal static class SlotHash
{
    public static ulong Of(string serviceId, int node, int seed)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in serviceId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(Mix(hash, node), seed);
    }

    public static ulong Mix(ulong hash, long value)
    {
        var z = hash ^ ((ulong)value * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// A uniform number in [0, 1) from the top 53 bits.
    public static double Uniform(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));
}
