using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Services;

/// POST .../services/{id}/rename (the newer revision's renameService): 200 with the renamed service, the name under the
/// create rules.
public sealed class RenameServiceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Rename_Answers200WithTheRenamedService_AndChangesNothingElse()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var id = await seeder.ReadyServiceAsync();
        var before = await seeder.ServiceAsync(id);

        var response = await emulator.PostAsync($"{seeder.ServicePath(id)}/rename", new { name = "orders-primary" }, HttpStatusCode.OK);

        var answered = await response.ReadJsonAsync();
        Assert.Equal("orders-primary", (string?)answered["name"]);
        var after = await seeder.ServiceAsync(id);
        Assert.Equal(answered.ToJsonString(), after.ToJsonString());
        before["name"] = "orders-primary";
        Assert.Equal(before.ToJsonString(), after.ToJsonString());
    }

    [Fact]
    public async Task Rename_WhilePaused_IsAllowed()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var id = await seeder.ReadyServiceAsync();
        await seeder.StopAsync(id);

        await emulator.PostAsync($"{seeder.ServicePath(id)}/rename", new { name = "sleeping" }, HttpStatusCode.OK);

        var service = await seeder.ServiceAsync(id);
        Assert.Equal(("sleeping", "PAUSED"), ((string?)service["name"], (string?)service["status"]));
    }

    public static TheoryData<string, string> BadNames => new()
    {
        { "{}", "'name' is required" },
        { """{"name": null}""", "'name' is required" },
        { """{"name": ""}""", "'name' must not be empty" },
        { """{"name": "   "}""", "'name' must not be empty" },
        { $$"""{"name": "{{new string('n', 129)}}"}""", "'name' must be at most 128 characters long" },
        { """{"name": 42}""", "'name' must be a string, not the number 42" },
        { """{"name": ["a"]}""", "'name' must be a string, not a list" },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task Rename_WithABadName_Answers400NamingTheField_AndKeepsTheName(string body, string message)
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var id = await seeder.ReadyServiceAsync();

        var response = await emulator.Client.PostAsync($"{seeder.ServicePath(id)}/rename", Api.Json(body));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", message);
        Assert.Equal("seeded-db", (string?)(await seeder.ServiceAsync(id))["name"]);
    }

    [Fact]
    public async Task Rename_ToTheLongestName_IsAccepted()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var id = await seeder.ReadyServiceAsync();
        var longest = new string('n', 128);

        await emulator.PostAsync($"{seeder.ServicePath(id)}/rename", new { name = longest }, HttpStatusCode.OK);

        Assert.Equal(longest, (string?)(await seeder.ServiceAsync(id))["name"]);
    }

    [Fact]
    public async Task Rename_OfAMissingService_Answers404()
    {
        using var emulator = new SeededEmulator(output);

        var response = await emulator.Client.PostAsync($"{emulator.Seeder.ServicePath("nosuchsvc1")}/rename", Api.Json(new { name = "x" }));

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", "no service with that id exists: 'nosuchsvc1'");
    }

    [Fact]
    public async Task Rename_WithABearerToken_WorksOnItsUsersProject()
    {
        using var emulator = new SeededEmulator(output);
        var id = await emulator.Seeder.ReadyServiceAsync();
        var client = await emulator.Factory.MintedClientAsync("1234567", emulator.Factory.ProjectId);

        var response = await client.PostAsync($"{emulator.Seeder.ServicePath(id)}/rename", Api.Json(new { name = "by-oauth" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("by-oauth", (string?)(await emulator.Seeder.ServiceAsync(id))["name"]);
    }
}
