namespace TigerEmulator.Storage;

/// Makes the ids and generated passwords the cloud would make, from a seeded sequence so runs repeat: the n-th draw
/// after a start or reset is a function of the seed and n alone. Nothing is locked, because every create draws and a
/// shared lock was where concurrent creates queued (4% of their server CPU, profiled under wrk).
public sealed class IdGenerator(EmulatorOptions options)
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Digits = "0123456789";
    private const string SecretAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Sequence sequence = new((ulong)options.Seed);

    /// A 10-character lowercase id, as the cloud gives services, VPCs and replica sets.
    public string NewId() => Draw(IdAlphabet, 10);

    /// A 10-digit id, as the newer contract revision documents VPC and peering ids (pattern ^[0-9]+$).
    public string NewNumericId() => Draw(Digits, 10);

    public string NewPassword() => Draw(SecretAlphabet, 24);

    public void Reset(int seed) => Volatile.Write(ref sequence, new Sequence((ulong)seed));

    private string Draw(string alphabet, int length)
    {
        var current = Volatile.Read(ref sequence);
        var draw = Mix(current.Seed ^ Mix((ulong)Interlocked.Increment(ref current.Drawn)));
        return string.Create(length, (alphabet, draw), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.alphabet[(int)(Mix(state.draw + (ulong)i) % (ulong)state.alphabet.Length)];
            }
        });
    }

    /// SplitMix64's finaliser: every input bit moves about half the output bits, so neighbouring draws look unrelated.
    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EB;
        return value ^ (value >> 31);
    }

    private sealed class Sequence(ulong seed)
    {
        public readonly ulong Seed = seed;
        public long Drawn;
    }
}
