using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Logs;

/// A malformed log filter is a 400 with the whole Error body, naming the parameter and the value it refuses.
public sealed class LogFilterErrorTests(ITestOutputHelper output)
{
    private const string Severities = "DEBUG1 to DEBUG5 (or DEBUG), LOG, INFO, NOTICE, WARNING, ERROR, FATAL or PANIC, in any case";

    [Theory]
    [InlineData("search=", "each 'search' term must contain a character that is not whitespace, not ''")]
    [InlineData("search=%20%09%20", "each 'search' term must contain a character that is not whitespace, not ' \t '")]
    [InlineData("search=vacuum&search=", "each 'search' term must contain a character that is not whitespace, not ''")]
    [InlineData("severities=LOUD", $"'severities' holds 'LOUD', which is not a PostgreSQL severity: use {Severities}")]
    [InlineData("severities=ERROR&severities=", $"'severities' holds '', which is not a PostgreSQL severity: use {Severities}")]
    [InlineData("severities=%20ERROR", $"'severities' holds ' ERROR', which is not a PostgreSQL severity: use {Severities}")]
    [InlineData("severities=DEBUG6", $"'severities' holds 'DEBUG6', which is not a PostgreSQL severity: use {Severities}")]
    [InlineData("severities=ERROR,WARNING", $"'severities' holds 'ERROR,WARNING', which is not a PostgreSQL severity: use {Severities}")]
    [InlineData("page=1&search=vacuum", "'page' cannot be combined with 'search' or 'severities' (the newer contract has no 'page'): follow 'last_cursor' instead")]
    public async Task GetLogs_WithABadFilter_Returns400NamingIt(string query, string message)
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var id = await ServiceStory.CreateReadyAsync(factory, client);

        var response = await client.GetAsync($"{LogsClient.Path(factory.ProjectId, id)}?{query}");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", message);
    }
}
