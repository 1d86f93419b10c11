using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.CommandLine;

/// Where the emulator listens, in the documented order: --urls, else --port/--https-port on --host, else
/// ASPNETCORE_URLS, else ASPNETCORE_HTTP_PORTS, else http://localhost:8080. Every server here is on 127.0.0.1.
public sealed class ListenAddressTests
{
    [Fact]
    public async Task PortOption_WinsOverAspNetCoreUrls()
    {
        var (chosen, ignored) = (EmulatorProcess.FreeLoopbackPort(), EmulatorProcess.FreeLoopbackPort());
        await using var emulator = EmulatorProcess.Start(
            ["--host", "127.0.0.1", "--port", chosen.ToString()],
            new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{ignored}" });
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        await emulator.WaitUntilAnsweringAsync(client, $"http://127.0.0.1:{chosen}/_emulator/health");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"http://127.0.0.1:{chosen}/_emulator/health")).StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"http://127.0.0.1:{ignored}/_emulator/health"));
    }

    [Fact]
    public async Task AspNetCoreUrls_WinsOverHttpPorts_AndOverTheDefault()
    {
        var port = EmulatorProcess.FreeLoopbackPort();
        await using var emulator = EmulatorProcess.Start(
            [],
            new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["ASPNETCORE_HTTP_PORTS"] = "1" });
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        await emulator.WaitUntilAnsweringAsync(client, $"http://127.0.0.1:{port}/_emulator/health");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"http://127.0.0.1:{port}/_emulator/health")).StatusCode);
        Assert.Contains($"Now listening on: http://127.0.0.1:{port}", emulator.StandardOutput);
    }

    [Fact]
    public void LaunchProfile_SetsNoAddress_SoThatAspNetCoreUrlsWorksUnderDotnetRun()
    {
        // dotnet run turns a profile's applicationUrl into ASPNETCORE_URLS over the user's own.
        var profiles = JsonNode.Parse(File.ReadAllText(Repository.PathOf("src", "TigerEmulator", "Properties", "launchSettings.json")))!["profiles"]!.AsObject();

        foreach (var (_, profile) in profiles)
        {
            Assert.Null(profile!["applicationUrl"]);
            var variables = profile["environmentVariables"]?.AsObject().Select(pair => pair.Key) ?? [];
            Assert.DoesNotContain(variables, name => name.StartsWith("ASPNETCORE_URLS", StringComparison.Ordinal) || name.Contains("PORTS", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task HttpsPort_WithACertificateByPath_ServesHttps()
    {
        var folder = Directory.CreateTempSubdirectory("tiger-emulator-cert").FullName;
        try
        {
            var path = Path.Combine(folder, "emulator.pfx");
            using var certificate = SelfSigned();
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
            var port = EmulatorProcess.FreeLoopbackPort();
            await using var emulator = EmulatorProcess.Start(
                ["--host", "127.0.0.1", "--https-port", port.ToString(), "--cert-path", path],
                new Dictionary<string, string?> { ["TIGER_EMULATOR_CERT_PASSWORD"] = "pfx-password" });
            string? served = null;
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => (served = presented?.Thumbprint) is not null,
            };
            using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };

            await emulator.WaitUntilAnsweringAsync(client, $"https://127.0.0.1:{port}/_emulator/health");

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"https://127.0.0.1:{port}/_emulator/health")).StatusCode);
            Assert.Equal(certificate.Thumbprint, served);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task CertificatePathThatIsNoCertificate_ExitsWithOneLineNamingTheOption()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "openapi.yml");
        await using var emulator = EmulatorProcess.Start(["--https-port", "1", "--cert-path", path]);

        Assert.Equal(1, await emulator.ExitCodeAsync());
        var line = Assert.Single(emulator.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"tiger-emulator: --cert-path must be a readable .pfx (with its password) or a .pem holding the certificate and its key (", line);
        Assert.EndsWith($", not '{path}'", line);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }
}
