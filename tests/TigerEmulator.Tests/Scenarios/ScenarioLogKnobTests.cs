using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Scenarios;

/// A scenario's `logs` section sets the log rate and the error ratio, and a reset keeps them.
public sealed class ScenarioLogKnobTests(ITestOutputHelper output)
{
    private const string Quiet = "name: quiet\nservices:\n  - id: db1\n    name: db1\n    status: READY\n";
    private const string Busy = Quiet + "logs:\n  entries_per_minute: 600\n  error_ratio: 0.5\n";

    [Fact]
    public async Task LogsSection_RaisesTheRateAndTheErrorRatio()
    {
        var quiet = await TenMinutesOfLogsAsync(Quiet);
        var busy = await TenMinutesOfLogsAsync(Busy);

        // Steady lines: 6 a minute by default, 600 with the scenario; start-up lines come on top of both.
        Assert.InRange(quiet.Count, 60, 120);
        Assert.InRange(busy.Count, 6000, 6100);
        var errorShare = busy.Count(e => (string?)e!["severity"] == "ERROR") / (double)busy.Count;
        Assert.InRange(errorShare, 0.4, 0.6);
    }

    [Fact]
    public async Task LogsSection_OutOfRange_IsRefusedNamingTheField()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateClient();

        var response = await client.PostAsync("/_emulator/scenario", Yaml(Quiet + "logs:\n  error_ratio: 0.9\n"));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", "'logs.error_ratio' must be between 0 and 0.5");
    }

    private async Task<List<JsonNode?>> TenMinutesOfLogsAsync(string scenario)
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/_emulator/scenario", Yaml(scenario))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/_emulator/reset", null)).StatusCode);
        await factory.AdvanceAsync(TimeSpan.FromMinutes(10));

        var entries = new List<JsonNode?>();
        var path = $"{Api.Project(factory.ProjectId)}/services/db1/logs";
        string? cursor = null;
        do
        {
            var page = await client.GetJsonAsync(cursor is null ? path : $"{path}?cursor={cursor}");
            entries.AddRange(page["entries"]!.AsArray());
            cursor = (string?)page["lastCursor"];
        }
        while (cursor is not null);

        return entries;
    }

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");
}
