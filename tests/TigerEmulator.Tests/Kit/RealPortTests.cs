using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Kit;

/// The kit's real-port mode: Kestrel on a free 127.0.0.1 port, reached by clients in other processes, with every
/// exchange in the journal before the client sees its answer.
public sealed class RealPortTests(ITestOutputHelper output)
{
    private TigerEmulatorFactory RealPort() =>
        TigerEmulatorFactory.With(new TigerEmulatorSettings { RealPort = true, StartTime = Emulator.Start, Log = output.WriteLine });

    [Fact]
    public async Task BaseAddress_IsALoopbackPort_ThatAPlainClientReaches()
    {
        await using var emulator = RealPort();

        Assert.Equal(IPAddress.Loopback, IPAddress.Parse(emulator.BaseAddress.Host));
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.Equal(new Uri(emulator.BaseAddress, "/public/api/v1/"), emulator.ApiBaseAddress);
        using var plain = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync(new Uri(emulator.BaseAddress, "/_emulator/health"))).StatusCode);
    }

    [Fact]
    public async Task Curl_CreatesAService_AndTheJournalHasItAtOnce()
    {
        await using var emulator = RealPort();
        var api = emulator.ApiBaseAddress.ToString();
        var journal = new Uri(emulator.BaseAddress, "/_emulator/requests").ToString();

        var created = JsonNode.Parse(await CurlAsync(
            "-u", $"{EmulatorOptions.DefaultPublicKey}:{EmulatorOptions.DefaultSecretKey}", "-H", "Content-Type: application/json",
            "-d", """{"name":"from-curl"}""", $"{api}projects/{emulator.ProjectId}/services"))!;
        var seen = JsonNode.Parse(await CurlAsync($"{journal}?operation=createService"))!.AsArray();

        var entry = Assert.Single(seen)!;
        Assert.Equal(202, (int)entry["status"]!);
        Assert.Equal((string?)created["service_id"], (string?)entry["response_body"]!["service_id"]);
        Assert.Equal("from-curl", (string?)entry["request_body"]!["name"]);
    }

    [Fact]
    public async Task EveryAnswerARealClientReads_IsAlreadyInTheJournal()
    {
        await using var emulator = RealPort();
        var tiger = emulator.CreateTigerClient();
        using var control = new HttpClient { BaseAddress = emulator.BaseAddress };

        for (var call = 1; call <= 200; call++)
        {
            (await tiger.GetAsync("auth/info")).EnsureSuccessStatusCode();
            var count = JsonNode.Parse(await control.GetStringAsync("/_emulator/requests/count"))!["count"]!.GetValue<int>();
            Assert.Equal(call, count);
        }
    }

    private async Task<string> CurlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-sS", "--max-time", "10", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var curl = Process.Start(start)!;
        var body = await curl.StandardOutput.ReadToEndAsync();
        var errors = await curl.StandardError.ReadToEndAsync();
        await curl.WaitForExitAsync();
        output.WriteLine($"curl {string.Join(' ', arguments)} -> {body}{errors}");
        Assert.True(curl.ExitCode == 0, $"curl failed: {errors}");
        return body;
    }
}
