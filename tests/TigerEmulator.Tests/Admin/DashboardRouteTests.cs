using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Admin;

/// The dashboard's page and the snapshot it polls: the page is open and self-contained, the data sits behind the admin
/// token when one is set, and the snapshot shows services with their status and endpoint in the contract's shape.
public sealed class DashboardRouteTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Page_IsServedWholeFromTheEmulator_WithNothingFromElsewhere()
    {
        using var factory = Emulator.Create(output);

        var response = await factory.CreateClient().GetAsync("/_emulator/ui");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script>", page);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", page);
    }

    [Fact]
    public async Task Resources_ListEachProjectsServicesWithStatusAndEndpoint()
    {
        using var factory = Emulator.Create(output);
        var created = await factory.CreateTigerClient().CreateServiceAsync(factory.ProjectId, new { name = "orders" });

        var snapshot = await factory.CreateClient().GetJsonAsync("/_emulator/resources");

        var project = Assert.Single(snapshot["projects"]!.AsArray())!;
        Assert.Equal(factory.ProjectId, (string?)project["id"]);
        var service = Assert.Single(project["services"]!.AsArray())!;
        Assert.Equal((string?)created["service_id"], (string?)service["service_id"]);
        Assert.Equal("QUEUED", (string?)service["status"]);
        Assert.Equal((string?)created["endpoint"]!["host"], (string?)service["endpoint"]!["host"]);
        Assert.Null(service["initial_password"]);
        Assert.Empty(project["vpcs"]!.AsArray());
    }

    [Fact]
    public async Task WithAnAdminToken_ThePageOpens_AndItsDataNeedsTheToken()
    {
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_ADMIN_TOKEN"] = "dash-token" });
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/_emulator/ui")).StatusCode);
        var refused = await client.GetAsync("/_emulator/resources");
        await refused.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "The control API needs the admin token: send 'Authorization: Bearer <token>' or 'X-Emulator-Token: <token>'");
        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/_emulator/resources") { Headers = { { "X-Emulator-Token", "dash-token" } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(withToken)).StatusCode);
    }
}
