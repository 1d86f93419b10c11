using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Auth;

/// GET /projects: a key sees its own project; a token's user sees every project they belong to.
public sealed class ProjectsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GetProjects_WithAKey_ListsOnlyTheKeysProject()
    {
        using var factory = Emulator.Create(output);
        await factory.MintAsync("1234567", "otherproj");

        var projects = await factory.CreateTigerClient().GetJsonAsync("projects");

        Assert.Equal("""[{"id":"emuproject","name":"Emulator Project"}]""", projects.ToJsonString());
    }

    [Fact]
    public async Task GetProjects_WithAMultiProjectUser_ListsEveryProjectTheyBelongTo_InTheOrderTheyJoined()
    {
        using var factory = Emulator.Create(output);
        var minted = await factory.MintAsync(new
        {
            user = new { id = "1234567" },
            projects = new object[] { "emuproject", new { id = "rp1pz7uyae", name = "Production" } },
        });
        await factory.MintAsync(new { user = new { id = "1234567" }, projects = new[] { "staging01" } });
        var client = factory.CreateBearerClient((string)minted["token"]!);

        var projects = await client.GetJsonAsync("projects");

        Assert.Equal(
            """[{"id":"emuproject","name":"Emulator Project"},{"id":"rp1pz7uyae","name":"Production"},{"id":"staging01","name":"Project staging01"}]""",
            projects.ToJsonString());
    }

    [Fact]
    public async Task GetProjects_ForAnotherUser_ListsOnlyTheirs()
    {
        using var factory = Emulator.Create(output);
        await factory.MintAsync("1234567", "emuproject", "rp1pz7uyae");
        var other = await factory.MintedClientAsync("7654321", "rp1pz7uyae");

        var projects = (await other.GetJsonAsync("projects")).AsArray();

        Assert.Equal(["rp1pz7uyae"], projects.Select(p => (string)p!["id"]!).ToArray());
    }
}
