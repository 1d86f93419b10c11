using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using TigerEmulator.Lifecycle;
using TigerEmulator.Storage;

namespace TigerEmulator.Auth;

/// Knows the credential pairs and their projects; the seeded pair comes from the emulator's options.
public sealed class ApiKeyRegistry(IStore<ApiKeyDocument> keys, IStore<ProjectDocument> projects, EmulatorOptions options, EmulatorClock clock, StateLock state)
{
    // Checking a secret costs a hash; remember the headers that already passed.
    private readonly ConcurrentDictionary<string, ApiKeyDocument> verified = new();

    public void SeedDefaults()
    {
        state.Run(() =>
        {
            if (projects.Get(options.ProjectId) is null)
            {
                projects.Insert(new ProjectDocument { Id = options.ProjectId, Name = "Emulator Project", PlanType = "FREE", Created = clock.UtcNow });
            }

            if (keys.Get(options.PublicKey) is null)
            {
                keys.Insert(new ApiKeyDocument
                {
                    Id = options.PublicKey,
                    SecretHash = Hash(options.SecretKey),
                    Name = "emulator-default-key",
                    Created = clock.UtcNow,
                    ProjectId = options.ProjectId,
                    UserId = "emulatoruser",
                    UserName = "Emulator User",
                    UserEmail = "emulator@example.com",
                });
            }

            return true;
        });
        verified.Clear();
    }

    public ProjectDocument? Project(string id) => projects.Get(id);

    /// The key behind an Authorization header value, or null when the header does not name a valid pair.
    public ApiKeyDocument? Authenticate(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }

        if (verified.TryGetValue(header, out var known))
        {
            return known;
        }

        var pair = BasicCredentials.Parse(header);
        if (pair is null)
        {
            return null;
        }

        // The same work whether the public key exists or not (an unknown one is compared with a hash nothing matches),
        // so that the time of a refusal does not tell which public keys exist.
        var key = keys.Get(pair.Value.PublicKey);
        var matches = CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(key?.SecretHash ?? UnknownKeyHash), Encoding.ASCII.GetBytes(Hash(pair.Value.SecretKey)));
        if (key is null || !matches)
        {
            return null;
        }

        if (verified.Count > 1024)
        {
            verified.Clear();
        }

        verified[header] = key;
        return key;
    }

    private static readonly string UnknownKeyHash = Hash(Guid.NewGuid().ToString("N"));

    internal static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
