using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Faults;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Journal;

public sealed class RequestJournalTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Journal_RecordsEachContractRequestWithItsDetails()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        await factory.AdvanceAsync(TimeSpan.FromMinutes(5));
        var created = await client.CreateServiceAsync("emuproject");

        var entry = Assert.Single((await client.GetJsonAsync("/_emulator/requests")).AsArray())!;

        Assert.Equal(1, (int)entry["sequence"]!);
        Assert.Equal("POST", (string?)entry["method"]);
        Assert.Equal("/public/api/v1/projects/emuproject/services", (string?)entry["path"]);
        Assert.Equal("createService", (string?)entry["operation_id"]);
        Assert.Equal(202, (int)entry["status"]!);
        Assert.Equal(0.0, (double)entry["duration_ms"]!);
        Assert.False((bool)entry["aborted"]!);
        Assert.Equal(Emulator.Start.AddMinutes(5).UtcDateTime, (DateTime)entry["timestamp"]!);
        // A JSON body is journaled as JSON, not as an escaped string.
        Assert.Equal("""{"name":"test-db","addons":["time-series"]}""", entry["request_body"]!.ToJsonString());
        Assert.Equal((string?)created["service_id"], (string?)entry["response_body"]!["service_id"]);
    }

    [Fact]
    public async Task Journal_RecordsQueryAndUnknownRoutes_ButNotTheControlApi()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        await client.GetAsync("/public/api/v1/projects/emuproject/services/abc/logs?node=0&page=1");
        await client.GetAsync("/public/api/v1/no/such/route");
        await client.GetAsync("/_emulator/clock");

        var entries = (await client.GetJsonAsync("/_emulator/requests")).AsArray();

        Assert.Equal(2, entries.Count);
        Assert.Equal(("/public/api/v1/no/such/route", 404), ((string?)entries[0]!["path"], (int)entries[0]!["status"]!));
        Assert.Null(entries[0]!["operation_id"]);
        Assert.Equal(("?node=0&page=1", "getServiceLogs", 404), ((string?)entries[1]!["query"], (string?)entries[1]!["operation_id"], (int)entries[1]!["status"]!));
    }

    [Fact]
    public async Task Journal_IsNewestFirst_AndFiltersByOperationStatusAndTime()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        await client.AddFaultAsync(new { operation = "getVPCs", status = 503, times = 1 });
        await client.GetAsync($"{Api.Project("emuproject")}/vpcs");
        await factory.AdvanceAsync(TimeSpan.FromMinutes(1));
        await client.GetAsync($"{Api.Project("emuproject")}/vpcs");
        await client.GetAsync($"{Api.Project("emuproject")}/services");

        var all = (await client.GetJsonAsync("/_emulator/requests")).AsArray();
        Assert.Equal([3, 2, 1], all.Select(e => (int)e!["sequence"]!));
        Assert.Equal(["f1"], all[2]!["faults"]!.AsArray().Select(f => (string?)f));

        var vpcs = (await client.GetJsonAsync("/_emulator/requests?operation=getVPCs")).AsArray();
        Assert.Equal([2, 1], vpcs.Select(e => (int)e!["sequence"]!));
        var failed = (await client.GetJsonAsync("/_emulator/requests?status=503")).AsArray();
        Assert.Equal([1], failed.Select(e => (int)e!["sequence"]!));
        var later = (await client.GetJsonAsync($"/_emulator/requests?since={Emulator.Start.UtcDateTime.AddSeconds(30):yyyy-MM-ddTHH:mm:ssZ}")).AsArray();
        Assert.Equal([3, 2], later.Select(e => (int)e!["sequence"]!));
        var earlier = (await client.GetJsonAsync($"/_emulator/requests?until={Emulator.Start.UtcDateTime.AddSeconds(30):yyyy-MM-ddTHH:mm:ssZ}&limit=5")).AsArray();
        Assert.Equal([1], earlier.Select(e => (int)e!["sequence"]!));
        Assert.Equal(2, (int)(await client.GetJsonAsync("/_emulator/requests/count?operation=getVPCs"))["count"]!);
        Assert.Equal([3], (await client.GetJsonAsync("/_emulator/requests?limit=1")).AsArray().Select(e => (int)e!["sequence"]!));
    }

    [Fact]
    public async Task Journal_WithABadFilter_Answers400NamingIt()
    {
        using var factory = Emulator.Create(output);

        var response = await factory.CreateClient().GetAsync("/_emulator/requests?since=yesterday");

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", "'since' must be an RFC 3339 timestamp, not 'yesterday'");
    }

    [Fact]
    public async Task DeleteRequests_EmptiesTheJournal()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        await client.GetAsync($"{Api.Project("emuproject")}/vpcs");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/_emulator/requests")).StatusCode);

        Assert.Equal(0, (int)(await client.GetJsonAsync("/_emulator/requests/count"))["count"]!);
    }

    [Fact]
    public async Task Journal_KeepsOnlyTheConfiguredNumberOfNewestRequests()
    {
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_JOURNAL_SIZE"] = "3" });
        var client = factory.CreateTigerClient();
        for (var i = 0; i < 5; i++)
        {
            await client.GetAsync($"{Api.Project("emuproject")}/vpcs");
        }

        Assert.Equal([5, 4, 3], (await client.GetJsonAsync("/_emulator/requests")).AsArray().Select(e => (int)e!["sequence"]!));
    }

    [Fact]
    public async Task Journal_RedactsPasswordsSecretKeysAndCredentials()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var created = await client.CreateServiceAsync("emuproject");
        var password = (string)created["initial_password"]!;
        var service = $"{Api.Project("emuproject")}/services/{created["service_id"]}";
        await client.PostAsync($"{service}/updatePassword", Api.Json(new { password = "my \"quoted\" secret" }));
        await client.PostAsync("/public/api/v1/analytics/track", Api.Json(new { @event = "login", properties = new { secret_key = "tiger-emulator-secret-key" } }));

        var text = (await client.GetJsonAsync("/_emulator/requests")).ToJsonString();
        var entries = JsonNode.Parse(text)!.AsArray();

        Assert.DoesNotContain(password, text);
        Assert.DoesNotContain("quoted", text);
        Assert.DoesNotContain("tiger-emulator-secret-key", text);
        Assert.DoesNotContain("dGlnZXI", text);
        var changed = Assert.Single(entries[1]!["request_body"]!.AsObject());
        Assert.Equal(("password", "<redacted>"), (changed.Key, (string?)changed.Value));
        Assert.Equal("<redacted>", (string?)entries[2]!["response_body"]!["initial_password"]);
        Assert.Equal("<redacted>", (string?)entries[0]!["request_body"]!["properties"]!["secret_key"]);
        Assert.Equal("Basic <redacted>", (string?)entries[0]!["request_headers"]!["Authorization"]);
    }

    [Fact]
    public async Task Journal_CutsLongBodies()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var service = $"{Api.Project("emuproject")}/services/{(await client.CreateServiceAsync("emuproject"))["service_id"]}";
        await factory.AdvanceAsync(TimeSpan.FromHours(3));
        var logs = await client.GetAsync($"{service}/logs");
        var length = (await logs.Content.ReadAsByteArrayAsync()).Length;

        var body = (string)(await client.GetJsonAsync("/_emulator/requests?operation=getServiceLogs"))[0]!["response_body"]!;

        Assert.True(length > 16 * 1024, $"logs were only {length} bytes");
        Assert.EndsWith($"…[truncated; {length} bytes in all]", body);
        Assert.Equal(16 * 1024, body.IndexOf('…'));
    }

    [Fact]
    public async Task Journal_RecordsADroppedConnection_AsAbortedWithoutStatus()
    {
        using var factory = Emulator.Create(output);
        var client = RealSocket.StartAuthenticated(factory);
        await client.AddFaultAsync(new { id = "cut", operation = "getVPCs", effect = "drop" });

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"{Api.Project("emuproject")}/vpcs"));

        var entry = (await client.GetJsonAsync("/_emulator/requests"))[0]!;
        Assert.True((bool)entry["aborted"]!);
        Assert.Null(entry["status"]);
        Assert.Equal(["cut"], entry["faults"]!.AsArray().Select(f => (string?)f));
    }
}
