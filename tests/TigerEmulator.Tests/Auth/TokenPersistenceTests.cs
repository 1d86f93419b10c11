using System.Net;
using System.Text;
using TigerEmulator.Auth;
using TigerEmulator.Storage;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Auth;

/// On a data folder, users and tokens survive a restart like keys do, and the file holds only the tokens' hashes.
public sealed class TokenPersistenceTests(ITestOutputHelper output) : IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "tiger-emulator-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Restart_OnTheSameDataFolder_KeepsTokensAndRevocations_AndTheFileHoldsNoToken()
    {
        string kept, revoked;
        await using (var first = Emulator.Create(output, dataDir))
        {
            kept = (string)(await first.MintAsync("1234567", first.ProjectId, "rp1pz7uyae"))["token"]!;
            revoked = (string)(await first.MintAsync("1234567", first.ProjectId))["token"]!;
            Assert.Equal(HttpStatusCode.NoContent, (await first.CreateBearerClient(revoked).PostAsync("auth/logout", null)).StatusCode);
        }

        // The hash may still sit in LiteDB's log file beside the database when the first emulator stops: look in both.
        var files = Directory.GetFiles(dataDir).Select(File.ReadAllBytes).ToList();
        Assert.Contains(files, bytes => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(BearerTokens.Hash(kept))) >= 0);
        foreach (var path in Directory.GetFiles(dataDir))
        {
            var bytes = await File.ReadAllBytesAsync(path);
            foreach (var token in new[] { kept, revoked })
            {
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(token)));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(token)));
            }
        }

        await using var second = Emulator.Create(output, dataDir);
        var projects = await second.CreateBearerClient(kept).GetJsonAsync("projects");
        Assert.Equal(["emuproject", "rp1pz7uyae"], projects.AsArray().Select(p => (string)p!["id"]!).ToArray());
        await (await second.CreateBearerClient(revoked).GetAsync("auth/info")).AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "revoked by a logout");
    }
}
