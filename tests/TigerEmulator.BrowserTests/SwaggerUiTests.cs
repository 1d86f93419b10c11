using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TigerEmulator;

namespace TigerEmulator.BrowserTests;

/// Swagger UI in a real browser: the contract's operations show, and "Try it out" on GET /auth/info answers 200
/// with the default credentials. Needs Debian's Chromium; .ci/run installs it.
// Starts Chromium: a developer can skip it with --filter "Category!=Slow"; CI runs it.
[Trait("Category", "Slow")]
public sealed class SwaggerUiTests
{
    private const string Chromium = "/usr/bin/chromium";

    public static string ScreenshotPath { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots", "swagger-try-it-out.png");

    [SkippableFact]
    public async Task SwaggerUi_ShowsTheContract_AndTryItOutAnswers200WithoutAuthorizingFirst()
    {
        Skip.If(!File.Exists(Chromium) && Environment.GetEnvironmentVariable("CI") != "true", $"{Chromium} is not installed (apt-get install chromium)");

        await using var factory = new WebApplicationFactory<Program>();
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(LaunchOptions(Chromium));
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync($"{address}/swagger/index.html");

        var authInfo = page.Locator("#operations-Auth-getAuthInfo");
        await authInfo.WaitForAsync();
        Assert.Equal(35, await page.Locator(".opblock").CountAsync());

        // No "Authorize" first: the page carries the default key pair on its own.
        await authInfo.Locator(".opblock-summary").ClickAsync();
        await authInfo.Locator(".try-out__btn").ClickAsync();
        await authInfo.Locator("button.execute").ClickAsync();
        var status = authInfo.Locator(".live-responses-table .response .response-col_status").First;
        await status.WaitForAsync();
        var body = await authInfo.Locator(".live-responses-table .microlight").First.InnerTextAsync();

        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await page.ScreenshotAsync(new() { Path = ScreenshotPath, FullPage = true });
        Assert.Equal("200", (await status.InnerTextAsync()).Trim());
        Assert.Contains(EmulatorOptions.DefaultProjectId, body);

        // A project's operation opens with the emulator's project filled in, and answers at once.
        var services = page.Locator("#operations-Services-getServices");
        await services.Locator(".opblock-summary").ClickAsync();
        await services.Locator(".try-out__btn").ClickAsync();
        Assert.Equal(EmulatorOptions.DefaultProjectId, await services.Locator("input[placeholder='project_id']").InputValueAsync());
        await services.Locator("button.execute").ClickAsync();
        var servicesStatus = services.Locator(".live-responses-table .response .response-col_status").First;
        await servicesStatus.WaitForAsync();
        Assert.Equal("200", (await servicesStatus.InnerTextAsync()).Trim());
    }

    public static BrowserTypeLaunchOptions LaunchOptions(string chromium) => new()
    {
        ExecutablePath = chromium,
        Headless = true,
        // The machine's network is closed: keep Chromium from reaching out at start.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    };

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TigerEmulator.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
