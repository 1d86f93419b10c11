using System.Net;
using System.Net.Http.Json;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Auth;

/// POST /_emulator/tokens: what a mint answers and creates, and how it refuses a bad request.
public sealed class MintTokenTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Mint_Answers201WithTheTokenAndWhatItGrants_CreatingUnknownProjects()
    {
        using var factory = Emulator.Create(output);

        var minted = await factory.MintAsync(new
        {
            user = new { id = "1234567", name = "Ada Lovelace", email = "ada@example.com" },
            projects = new object[] { "emuproject", new { id = "rp1pz7uyae", name = "Production" } },
        });

        Assert.StartsWith("tigeremu_", (string?)minted["token"]);
        Assert.Equal(("Bearer", null), ((string?)minted["token_type"], (string?)minted["expires_at"]));
        Assert.Equal("""{"id":"1234567","name":"Ada Lovelace","email":"ada@example.com"}""", minted["user"]!.ToJsonString());
        Assert.Equal("""[{"id":"emuproject","name":"Emulator Project"},{"id":"rp1pz7uyae","name":"Production"}]""", minted["projects"]!.ToJsonString());
        var client = factory.CreateBearerClient((string)minted["token"]!);
        Assert.Empty((await client.GetJsonAsync($"{Api.Project("rp1pz7uyae")}/services")).AsArray());
    }

    [Fact]
    public async Task Mint_TwiceForOneUser_GivesTwoTokens_AndTheUserKeepsEveryProject()
    {
        using var factory = Emulator.Create(output);
        var first = await factory.MintAsync("1234567", "emuproject");
        var second = await factory.MintAsync(new { user = new { id = "1234567", name = "Ada King" }, projects = new[] { "rp1pz7uyae" } });

        Assert.NotEqual((string?)first["token"], (string?)second["token"]);
        Assert.Equal("""{"id":"1234567","name":"Ada King","email":"ada@example.com"}""", second["user"]!.ToJsonString());
        var projects = await factory.CreateBearerClient((string)first["token"]!).GetJsonAsync("projects");
        Assert.Equal(["emuproject", "rp1pz7uyae"], projects.AsArray().Select(p => (string)p!["id"]!).ToArray());
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "{}", "'user' is required" },
        { """{"user": "1234567", "projects": ["p1"]}""", "'user' must be a mapping of fields, not the text '1234567'" },
        { """{"user": {"name": "Ada"}, "projects": ["p1"]}""", "'user.id' is required" },
        { """{"user": {"id": "12 34"}, "projects": ["p1"]}""", "'user.id' may hold only letters, digits, '-' and '_', not '12 34'" },
        { """{"user": {"id": "1", "email": "not-an-email"}, "projects": ["p1"]}""", "'user.email' must be an email address, not 'not-an-email'" },
        { """{"user": {"id": "1", "role": "admin"}, "projects": ["p1"]}""", "'user.role' is not a known field here; known fields: id, name, email" },
        { """{"user": {"id": "1"}}""", "'projects' must name between 1 and 100 projects" },
        { """{"user": {"id": "1"}, "projects": []}""", "'projects' must name between 1 and 100 projects" },
        { """{"user": {"id": "1"}, "projects": "p1"}""", "'projects' must be a list, not the text 'p1'" },
        { """{"user": {"id": "1"}, "projects": [42]}""", "'projects[0]' must be an id, not the number 42" },
        { """{"user": {"id": "1"}, "projects": ["bad/id"]}""", "'projects[0]' may hold only letters, digits, '-' and '_', not 'bad/id'" },
        { """{"user": {"id": "1"}, "projects": [{"name": "x"}]}""", "'projects[0].id' is required" },
        { """{"user": {"id": "1"}, "projects": [["p1"]]}""", "'projects[0]' must be a project id or {\"id\", \"name\"}, not a list" },
        { """{"user": {"id": "1"}, "projects": ["p1"], "expires_in_seconds": 0}""", "'expires_in_seconds' must be between 1 and 31622400, not 0" },
        { """{"user": {"id": "1"}, "projects": ["p1"], "expires_in_seconds": "60"}""", "'expires_in_seconds' must be a number, not the text '60'" },
        { """{"user": {"id": "1"}, "projects": ["p1"], "expires_in": 60}""", "'expires_in' is not a known field here; known fields: user, projects, expires_in_seconds" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Mint_WithABadRequest_Answers400NamingTheField_AndCreatesNothing(string body, string message)
    {
        using var factory = Emulator.Create(output);

        var response = await factory.CreateClient().PostAsync(Bearer.MintPath, Api.Json(body));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", message);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateTigerClient().GetAsync($"{Api.Project("p1")}/services")).StatusCode);
        Assert.Single((await factory.CreateTigerClient().GetJsonAsync("projects")).AsArray());
    }

    [Fact]
    public async Task Token_NeverReachesTheServersLog()
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var factory = Testing.TigerEmulatorFactory.With(new Testing.TigerEmulatorSettings
        {
            StartTime = Emulator.Start,
            Configuration = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" },
            Log = line =>
            {
                lines.Enqueue(line);
                output.WriteLine(line);
            },
        });
        var token = (string)(await factory.MintAsync("1234567", factory.ProjectId))["token"]!;
        var client = factory.CreateBearerClient(token);
        await client.GetAsync("auth/info");
        await client.PostAsync("auth/logout", null);
        await client.GetAsync("auth/info");

        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, line => line.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mint_BehindTheAdminToken_Answers401WithoutIt()
    {
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_ADMIN_TOKEN"] = "admin-secret" });

        var response = await factory.CreateClient().PostAsJsonAsync(Bearer.MintPath, new { user = new { id = "1" }, projects = new[] { "p1" } });

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "The control API needs the admin token");
    }
}
