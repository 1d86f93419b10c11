using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TigerEmulator.Databases;

/// The self-signed certificate every server presents, made once and kept in the databases folder, so that
/// sslmode=require works as against the cloud (which, like the cloud's clients, does not verify it).
public static class TlsCertificate
{
    public const string CertificateFile = "server.crt";
    public const string KeyFile = "server.key";

    /// Writes server.crt and server.key into <paramref name="folder"/> unless they are there; returns their paths.
    public static (string Certificate, string Key) Ensure(string folder, ServerAccount account)
    {
        var certificatePath = Path.Combine(folder, CertificateFile);
        var keyPath = Path.Combine(folder, KeyFile);
        if (File.Exists(certificatePath) && File.Exists(keyPath))
        {
            return (certificatePath, keyPath);
        }

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost, O=Tiger Emulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));

        // PostgreSQL refuses a key file that others may read.
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        account.GiveToAccount(keyPath);
        account.GiveToAccount(certificatePath);
        return (certificatePath, keyPath);
    }
}
