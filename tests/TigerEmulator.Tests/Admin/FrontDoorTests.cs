using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Admin;

/// What a person sees first: GET / points to the dashboard and Swagger UI, health says what runs, and errors read as
/// written (an apostrophe, not \u0027).
public sealed class FrontDoorTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Root_PointsToTheDashboardAndSwaggerUi()
    {
        using var factory = Emulator.Create(output);

        var response = await factory.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/_emulator/ui\"", page);
        Assert.Contains("href=\"/swagger\"", page);
    }

    [Fact]
    public async Task Health_ReportsVersionUptimeStorageDatabasesAndPooler()
    {
        using var factory = Emulator.Create(output);

        var health = (await factory.CreateClient().GetJsonAsync("/_emulator/health")).AsObject();

        Assert.Equal(["databases", "pooler", "status", "storage", "uptime_seconds", "version"], health.Select(pair => pair.Key).Order());
        Assert.Equal("ok", (string?)health["status"]);
        Assert.Equal(EmulatorVersion.Text, (string?)health["version"]);
        Assert.Matches(@"^\d+\.\d+\.\d+", EmulatorVersion.Text);
        Assert.InRange((double)health["uptime_seconds"]!, 0, 600);
        Assert.Equal("memory", (string?)health["storage"]);
        Assert.False((bool)health["databases"]!);
        Assert.False((bool)health["pooler"]!);
    }

    [Fact]
    public async Task ErrorMessages_KeepTheirApostrophes()
    {
        using var factory = Emulator.Create(output);

        var response = await factory.CreateTigerClient().PostAsync($"projects/{factory.ProjectId}/services", Api.Json("""{"name": 7}"""));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("\\u0027", text);
        var body = JsonNode.Parse(text)!;
        Assert.Equal("INVALID_REQUEST", (string?)body["code"]);
        Assert.Contains("'name'", text);
        Assert.Contains("'name'", (string?)body["message"]);
    }
}
