using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.CommandLine;

/// --log-format json: every line the emulator logs is one JSON object, for log collectors.
public sealed class LogFormatTests
{
    [Fact]
    public async Task LogFormatJson_WritesEachLogEntryAsOneJsonObject()
    {
        var port = EmulatorProcess.FreeLoopbackPort();
        await using var emulator = EmulatorProcess.Start(["--log-format", "json", "--host", "127.0.0.1", "--port", port.ToString()]);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await emulator.WaitUntilAnsweringAsync(client, $"http://127.0.0.1:{port}/_emulator/health");

        // The banner is logged once the server has started; the console logger writes from its own queue.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!emulator.StandardOutput.Contains("Tiger Emulator listening on", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var lines = emulator.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.NotNull(JsonNode.Parse(line)!["Category"]));
        Assert.Contains(lines, line => (string?)JsonNode.Parse(line)!["Message"] is { } message && message.StartsWith("Tiger Emulator listening on", StringComparison.Ordinal));
    }
}
