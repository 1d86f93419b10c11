using System.Security.Cryptography;
using System.Text;

namespace TigerEmulator.Databases;

/// A password as PostgreSQL keeps it: a SCRAM-SHA-256 verifier (RFC 5802, RFC 7677), from which the password cannot be
/// read back. PostgreSQL stores a verifier given in place of a password as it is, so a password changed while a
/// server is down is kept in this form until the server is up again, and never in plain text.
public static class ScramVerifier
{
    // PostgreSQL's default (scram_iterations, PostgreSQL 16) and the salt length it uses.
    private const int Iterations = 4096;
    private const int SaltBytes = 16;

    public static string Of(string password) => Of(password, RandomNumberGenerator.GetBytes(SaltBytes));

    public static string Of(string password, byte[] salt)
    {
        var salted = Rfc2898DeriveBytes.Pbkdf2(Prepared(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
        var storedKey = SHA256.HashData(HMACSHA256.HashData(salted, "Client Key"u8));
        var serverKey = HMACSHA256.HashData(salted, "Server Key"u8);
        return $"SCRAM-SHA-256${Iterations}:{Convert.ToBase64String(salt)}${Convert.ToBase64String(storedKey)}:{Convert.ToBase64String(serverKey)}";
    }

    // PostgreSQL prepares a password with SASLprep before hashing it and uses the bytes as they are when SASLprep
    // refuses it. Printable ASCII is left as it is; other text is taken in its compatibility form (NFKC), which is
    // SASLprep's normalisation (its character mappings and refusals are not repeated here).
    private static byte[] Prepared(string password) =>
        Encoding.UTF8.GetBytes(password.All(c => c is >= ' ' and <= '~') ? password : password.Normalize(NormalizationForm.FormKC));
}
