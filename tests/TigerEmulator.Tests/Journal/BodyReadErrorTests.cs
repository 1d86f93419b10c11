using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using TigerEmulator.Auth;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Faults;
using TigerEmulator.Tests.Http;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Journal;

/// A body the server cannot read gets the Error body with its 4xx, through the error boundary, whether the journal is
/// on (it reads bodies first) or off, and the journal records it. Over a real Kestrel on loopback: the in-memory test
/// server enforces none of Kestrel's limits.
public sealed class BodyReadErrorTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static readonly string Create = $"""
        POST {Api.Project(EmulatorOptions.DefaultProjectId)}/services HTTP/1.1
        Host: 127.0.0.1
        Authorization: {BasicCredentials.Header(EmulatorOptions.DefaultPublicKey, EmulatorOptions.DefaultSecretKey)}
        Content-Type: application/json
        """;

    [Theory]
    [InlineData("1000")]
    [InlineData("0")]
    public async Task BodyOverOneMebibyte_WithContentLength_Answers413WithTheErrorBody(string journalSize)
    {
        using var factory = Start(journalSize);
        var server = RealSocket.StartAuthenticated(factory).BaseAddress!;

        var answer = await RawHttp.SendAsync(server, Create + "\nContent-Length: 2097152", Bound, new byte[64 * 1024]);

        AssertError(answer, 413, "PAYLOAD_TOO_LARGE", "Request body exceeds 1048576 bytes");
        await AssertJournaledAsync(factory, journalSize, 413, answer);
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("0")]
    public async Task ChunkSizeBeyondAnyNumber_Answers400WithTheErrorBody(string journalSize)
    {
        using var factory = Start(journalSize);
        var server = RealSocket.StartAuthenticated(factory).BaseAddress!;

        var answer = await RawHttp.SendAsync(server, Create + "\nTransfer-Encoding: chunked", Bound, Encoding.ASCII.GetBytes("ffffffffffffffff\r\n{}\r\n0\r\n\r\n"));

        AssertError(answer, 400, "INVALID_REQUEST", "Request body cannot be read: Bad chunk size data.");
        await AssertJournaledAsync(factory, journalSize, 400, answer);
    }

    [Theory]
    [InlineData("1000")]
    [InlineData("0")]
    public async Task BodyThatStopsComing_Answers408WithTheErrorBody(string journalSize)
    {
        using var factory = Start(journalSize);
        // Kestrel's least grace period (its heartbeat is a second), so the test waits seconds, not the default five.
        factory.UseKestrel(kestrel => kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 100, gracePeriod: TimeSpan.FromSeconds(1.5)));
        var server = RealSocket.StartAuthenticated(factory).BaseAddress!;

        var answer = await RawHttp.SendAsync(server, Create + "\nContent-Length: 100", Bound, Encoding.ASCII.GetBytes("{\"name\":"));

        AssertError(answer, 408, "REQUEST_TIMEOUT", "Reading the request body timed out due to data arriving too slowly. See MinRequestBodyDataRate.");
        await AssertJournaledAsync(factory, journalSize, 408, answer);
    }

    private TigerEmulatorFactory Start(string journalSize) =>
        Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_JOURNAL_SIZE"] = journalSize });

    private static void AssertError(RawHttp.Answer answer, int status, string code, string message)
    {
        Assert.True(status == answer.Status, answer.Text);
        Assert.NotNull(answer.Body);
        Assert.Equal(["code", "message"], answer.Body.AsObject().Select(p => p.Key).Order().ToArray());
        Assert.Equal(code, (string?)answer.Body["code"]);
        Assert.Equal(message, (string?)answer.Body["message"]);
    }

    private static async Task AssertJournaledAsync(TigerEmulatorFactory factory, string journalSize, int status, RawHttp.Answer answer)
    {
        var journal = (await factory.CreateClient().GetJsonAsync($"/_emulator/requests?status={status}")).AsArray();
        if (journalSize == "0")
        {
            Assert.Empty(journal);
            return;
        }

        var entry = Assert.Single(journal)!;
        Assert.Equal("POST", (string?)entry["method"]);
        Assert.Equal(status, (int)entry["status"]!);
        // The journal shows the JSON error body as JSON, the same body the client read.
        Assert.Equal(answer.Body!.ToJsonString(), entry["response_body"]!.ToJsonString());
    }
}
