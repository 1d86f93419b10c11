using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TigerEmulator;

namespace TigerEmulator.BrowserTests;

/// The dashboard in a real browser: a service created through the API appears and changes status on screen without a
/// reload, and a fault added on the page fails the next matching call. Needs Debian's Chromium; .ci/run installs it.
// Starts Chromium: a developer can skip it with --filter "Category!=Slow"; CI runs it.
[Trait("Category", "Slow")]
public sealed class DashboardTests
{
    private const string Chromium = "/usr/bin/chromium";

    public static string ScreenshotPath { get; } = Path.Combine(SwaggerUiTests.RepositoryRoot(), "artifacts", "screenshots", "dashboard.png");

    [SkippableFact]
    public async Task Dashboard_ShowsANewServiceChangingStatusLive_AndAFaultAddedThereFailsTheNextCall()
    {
        Skip.If(!File.Exists(Chromium) && Environment.GetEnvironmentVariable("CI") != "true", $"{Chromium} is not installed (apt-get install chromium)");

        await using var factory = new WebApplicationFactory<Program>();
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var api = new HttpClient { BaseAddress = new Uri($"{address}/public/api/v1/") };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{EmulatorOptions.DefaultPublicKey}:{EmulatorOptions.DefaultSecretKey}")));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(SwaggerUiTests.LaunchOptions(Chromium));
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync($"{address}/_emulator/ui");
        await page.EvaluateAsync("window.loadedOnce = true");

        var created = await api.PostAsync($"projects/{EmulatorOptions.DefaultProjectId}/services", new StringContent("""{"name": "orders"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["service_id"]!;
        var status = page.Locator($"#services tr[data-id='{id}'] td.status");
        await status.WaitForAsync();
        var first = await status.InnerTextAsync();
        await Assertions.Expect(status).ToHaveTextAsync("READY", new() { Timeout = 30_000 });

        Assert.Contains(first, new[] { "QUEUED", "CONFIGURING" });
        Assert.True(await page.EvaluateAsync<bool>("window.loadedOnce === true"), "the page reloaded");

        await page.Locator("#fault-rule").FillAsync("""{"operation": "getAuthInfo", "status": 503, "times": 1}""");
        await page.Locator("#add-fault").ClickAsync();
        await page.Locator("#faults tr").First.WaitForAsync();
        var failed = await api.GetAsync("auth/info");
        var error = JsonNode.Parse(await failed.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(["code", "message"], error.Select(pair => pair.Key).Order());
        Assert.Equal("SERVICE_UNAVAILABLE", (string?)error["code"]);
        Assert.Contains("fault rule 'f1'", (string?)error["message"]);
        await Assertions.Expect(page.Locator("#journal td.status.\\35 03").First).ToBeVisibleAsync();

        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await page.ScreenshotAsync(new() { Path = ScreenshotPath, FullPage = true });
    }
}
