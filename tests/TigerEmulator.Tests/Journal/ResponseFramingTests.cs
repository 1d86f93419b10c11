using System.Net;
using TigerEmulator.Tests.Faults;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Journal;

/// Contract answers leave whole, with a Content-Length, whether the journal keeps them or not. Over a real socket:
/// the in-memory test server reports a length for any body.
public sealed class ResponseFramingTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("1000")]
    [InlineData("0")]
    public async Task ContractAnswers_DeclareTheirLength_AndAreNotChunked(string journalSize)
    {
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_JOURNAL_SIZE"] = journalSize });
        var client = RealSocket.StartAuthenticated(factory);
        var serviceId = (string)(await client.CreateServiceAsync("emuproject"))["service_id"]!;

        using var found = await client.GetAsync($"{Api.Project("emuproject")}/services/{serviceId}");
        using var missing = await client.GetAsync($"{Api.Project("emuproject")}/services/nosuchid");

        foreach (var (answer, status) in new[] { (found, HttpStatusCode.OK), (missing, HttpStatusCode.NotFound) })
        {
            var body = await answer.Content.ReadAsByteArrayAsync();
            Assert.Equal(status, answer.StatusCode);
            Assert.True(body.Length > 0);
            Assert.NotEqual(true, answer.Headers.TransferEncodingChunked);
            Assert.Equal(body.Length, answer.Content.Headers.ContentLength);
        }
    }
}
