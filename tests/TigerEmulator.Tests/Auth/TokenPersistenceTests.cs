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
    private readonly TemporaryDataFolder folder = new();

    private string dataDir => folder.Path;

    public void Dispose() => folder.Dispose();

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

        // Under a loaded suite the first emulator's host can outlive its factory's dispose by a moment (the second
        // emulator's start waits for the folder's lock the same way): read the folder once that lock is free.
        DataFolderLock.Acquire(dataDir, TimeSpan.FromSeconds(30)).Dispose();

        // The hash may still sit in LiteDB's log file beside the database when the first emulator stops: look in every
        // file of the folder, read without asking for it alone.
        var files = Directory.GetFiles(dataDir).Select(ReadShared).ToList();
        Assert.Contains(files, bytes => bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(BearerTokens.Hash(kept))) >= 0);
        foreach (var bytes in files)
        {
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

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
