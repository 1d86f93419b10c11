using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Logs;

/// Every malformed logs parameter is a 400 with the whole Error body, naming the parameter (a filter's message is given
/// whole, with the value it refuses).
public sealed class LogQueryErrorTests(ITestOutputHelper output)
{
    private const string Severities = "DEBUG1 to DEBUG5 (or DEBUG), LOG, INFO, NOTICE, WARNING, ERROR, FATAL or PANIC, in any case";

    [Theory]
    [InlineData("cursor=not-a-cursor", "'cursor'")]
    [InlineData("cursor=djE6Zm9v", "'cursor'")] // base64url of "v1:foo": well formed, but no cursor this emulator issues
    [InlineData("since=yesterday", "'since'")]
    [InlineData("since=2026-01-15", "'since'")]
    [InlineData("until=1%2F15%2F2026", "'until'")]
    [InlineData("until=2026-01-15T25:00:00Z", "'until'")]
    [InlineData("node=1", "'node'")]
    [InlineData("node=-1", "'node'")]
    [InlineData("node=primary", "'node'")]
    [InlineData("page=-1", "'page'")]
    [InlineData("page=first", "'page'")]
    [InlineData("search=", "each 'search' term must contain a character that is not whitespace, not ''")]
    [InlineData("search=%20%09%20", "each 'search' term must contain a character that is not whitespace, not ' \t '")]
    [InlineData("search=vacuum&search=", "each 'search' term must contain a character that is not whitespace, not ''")]
    [InlineData("severities=LOUD", $"'severities' holds 'LOUD', which is not a PostgreSQL severity: use {Severities}")]
    [InlineData("severities=ERROR&severities=", $"'severities' holds '', which is not a PostgreSQL severity: use {Severities}")]
    [InlineData("severities=%20ERROR", $"'severities' holds ' ERROR', which is not a PostgreSQL severity: use {Severities}")]
    [InlineData("severities=DEBUG6", $"'severities' holds 'DEBUG6', which is not a PostgreSQL severity: use {Severities}")]
    [InlineData("severities=ERROR,WARNING", $"'severities' holds 'ERROR,WARNING', which is not a PostgreSQL severity: use {Severities}")]
    [InlineData("page=1&search=vacuum", "'page' cannot be combined with 'search' or 'severities' (the newer contract has no 'page'): follow 'last_cursor' instead")]
    public async Task GetLogs_WithABadParameter_Returns400NamingIt(string query, string message)
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var id = await ServiceStory.CreateReadyAsync(factory, client);

        var response = await client.GetAsync($"{LogsClient.Path(factory.ProjectId, id)}?{query}");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", message);
    }

    [Fact]
    public async Task GetLogs_WithACursorFromAnotherNode_Returns400()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var id = await ServiceStory.CreateReadyAsync(factory, client, replicas: 1);
        await factory.AdvanceAsync(TimeSpan.FromHours(2));
        var path = LogsClient.Path(factory.ProjectId, id);
        var cursor = (string)(await LogsClient.PageAsync(client, path, "node=0"))["lastCursor"]!;

        var response = await client.GetAsync($"{path}?node=1&cursor={WebUtility.UrlEncode(cursor)}");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", "'cursor' was issued for node 0, not node 1");
    }

    [Fact]
    public async Task GetLogs_WithACursorFromAnotherService_Returns400()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var first = await ServiceStory.CreateReadyAsync(factory, client);
        var second = await ServiceStory.CreateReadyAsync(factory, client);
        await factory.AdvanceAsync(TimeSpan.FromHours(2));
        var cursor = (string)(await LogsClient.PageAsync(client, LogsClient.Path(factory.ProjectId, first), ""))["lastCursor"]!;

        var response = await client.GetAsync($"{LogsClient.Path(factory.ProjectId, second)}?cursor={WebUtility.UrlEncode(cursor)}");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", "'cursor' was issued for another service");
    }

    [Fact]
    public async Task GetLogs_OfAnUnknownService_Returns404()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();

        var response = await client.GetAsync(LogsClient.Path(factory.ProjectId, "nosuchsvc0"));

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", "nosuchsvc0");
    }
}
