using System.Net;
using TigerEmulator.Admin;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Scenarios;

/// The control API reads scenario files from the scenario folders only, and no more than a mebibyte of one: it can
/// neither show what another file holds nor be made to swallow an endless one.
public sealed class ScenarioFileAccessTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tiger-scenarios-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../../../../../../etc/passwd")]
    [InlineData("/dev/zero")]
    [InlineData("/proc/self/environ")]
    public async Task PostScenario_OutsideTheScenarioFolders_IsRefusedUnread(string path)
    {
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_SCENARIOS_DIR"] = folder });

        var response = await factory.CreateClient().PostAsync("/_emulator/scenario", Api.Json(new { scenario = path }));

        await response.AssertErrorAsync(
            HttpStatusCode.BadRequest, "INVALID_REQUEST", $"Scenario '{path}' is not a file in a scenario folder ({folder}, ");
        var message = (string?)(await response.ReadJsonAsync())["message"];
        Assert.EndsWith("; the control API loads scenarios only from there", message);
        Assert.DoesNotContain("root:", message);
        Assert.Equal("default", (string?)(await factory.CreateClient().GetJsonAsync("/_emulator/scenario"))["name"]);
    }

    [Fact]
    public async Task PostScenario_InAFolder_ByRelativePath_Loads()
    {
        Directory.CreateDirectory(Path.Combine(folder, "team"));
        await File.WriteAllTextAsync(Path.Combine(folder, "team", "mine.yml"), "name: mine\n");
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_SCENARIOS_DIR"] = folder });

        var response = await factory.CreateClient().PostAsync("/_emulator/scenario", Api.Json(new { scenario = "team/mine.yml" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("mine", (string?)(await response.ReadJsonAsync())["name"]);
    }

    [Fact]
    public async Task PostScenario_EndlessFileInAFolder_IsRefusedAfterOneMebibyte()
    {
        File.CreateSymbolicLink(Path.Combine(folder, "endless.yml"), "/dev/zero");
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_SCENARIOS_DIR"] = folder });

        var response = await factory.CreateClient().PostAsync("/_emulator/scenario", Api.Json(new { scenario = "endless" }));

        await response.AssertErrorAsync(
            HttpStatusCode.BadRequest, "INVALID_REQUEST", $"Scenario file '{Path.Combine(folder, "endless.yml")}' is larger than 1048576 bytes");
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://192.168.1.5:8080", false)]
    public void StartupWarning_IsForAddressesBeyondLoopback(string address, bool loopback) =>
        Assert.Equal(loopback, StartupBanner.IsLoopback(address));
}
