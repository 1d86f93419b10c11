namespace TigerEmulator.Storage;

/// Makes the ids and generated passwords the cloud would make, from a seeded random source so runs repeat.
public sealed class IdGenerator(EmulatorOptions options)
{
    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string SecretAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly object gate = new();
    private Random random = new(options.Seed);

    /// A 10-character lowercase id, as the cloud gives services, VPCs and replica sets.
    public string NewId() => Draw(IdAlphabet, 10);

    public string NewPassword() => Draw(SecretAlphabet, 24);

    public void Reset(int seed)
    {
        lock (gate)
        {
            random = new Random(seed);
        }
    }

    private string Draw(string alphabet, int length)
    {
        lock (gate)
        {
            return string.Create(length, (alphabet, random), static (span, state) =>
            {
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = state.alphabet[state.random.Next(state.alphabet.Length)];
                }
            });
        }
    }
}
