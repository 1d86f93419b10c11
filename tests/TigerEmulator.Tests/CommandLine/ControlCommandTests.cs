using System.Text.Json.Nodes;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.CommandLine;

/// `tiger-emulator reset|advance <duration>|status` against a running emulator (the kit on a real port here).
public sealed class ControlCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Advance_Status_AndReset_DriveARunningEmulator()
    {
        await using var emulator = TigerEmulatorFactory.With(new TigerEmulatorSettings { RealPort = true, StartTime = Emulator.Start, Log = output.WriteLine });
        var url = emulator.BaseAddress.ToString().TrimEnd('/');
        using var control = new HttpClient { BaseAddress = emulator.BaseAddress };
        var before = JsonNode.Parse(await control.GetStringAsync("/_emulator/clock"))!["now"]!.GetValue<DateTime>();

        var advanced = await RunAsync(["advance", "2m", "--url", url]);
        var status = await RunAsync(["status"], new Dictionary<string, string?> { ["TIGER_EMULATOR_URL"] = url });
        await emulator.CreateTigerClient().CreateServiceAsync(emulator.ProjectId);
        var reset = await RunAsync(["reset", "--url", url]);

        var after = JsonNode.Parse(await control.GetStringAsync("/_emulator/clock"))!["now"]!.GetValue<DateTime>();
        Assert.Equal(TimeSpan.FromMinutes(2), after - before);
        Assert.StartsWith("advanced 120 s: now ", advanced);
        Assert.Contains("\"status\":\"ok\"", status);
        Assert.Contains("clock: {", status);
        Assert.Equal($"reset {url}/\n", reset);
        Assert.Equal(0, await emulator.CountRequestsAsync());
        Assert.Empty((await emulator.CreateTigerClient().GetJsonAsync($"projects/{emulator.ProjectId}/services")).AsArray());
    }

    [Fact]
    public async Task Status_WithNoEmulatorThere_ExitsWithOneLineNamingTheUrl()
    {
        var port = EmulatorProcess.FreeLoopbackPort();
        await using var command = EmulatorProcess.Start(["status", "--url", $"http://127.0.0.1:{port}"]);

        Assert.Equal(1, await command.ExitCodeAsync());
        Assert.Equal($"tiger-emulator: no emulator answers at http://127.0.0.1:{port}/ (set by --url): Connection refused (127.0.0.1:{port})\n", command.StandardError);
    }

    [Theory]
    [InlineData(new[] { "advance" }, "tiger-emulator: advance needs one duration (30s, 5m, 2h, or seconds); see tiger-emulator --help")]
    [InlineData(new[] { "advance", "soon" }, "tiger-emulator: 'soon' is not a duration: give 30s, 5m, 2h, 1d, 250ms or a number of seconds; see tiger-emulator --help")]
    [InlineData(new[] { "reset", "now" }, "tiger-emulator: reset takes no argument, not 'now'; see tiger-emulator --help")]
    public async Task BadControlCommand_ExitsWith2AndTheHelpHint(string[] arguments, string expected)
    {
        await using var command = EmulatorProcess.Start([.. arguments, "--url", "http://127.0.0.1:1"]);

        Assert.Equal(2, await command.ExitCodeAsync());
        Assert.Equal(expected + "\n", command.StandardError);
    }

    private async Task<string> RunAsync(string[] arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        await using var command = EmulatorProcess.Start(arguments, environment);
        var exitCode = await command.ExitCodeAsync();
        output.WriteLine($"tiger-emulator {string.Join(' ', arguments)} -> {exitCode}: {command.StandardOutput}{command.StandardError}");
        Assert.Equal(0, exitCode);
        return command.StandardOutput;
    }
}
