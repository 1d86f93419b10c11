using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Faults;

public sealed class FaultApiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AddFault_MinimalCreateServiceRule_FailsOnlyTheNextCreate()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();

        var rule = await client.AddFaultAsync(new { operation = "createService", status = 503, probability = 1.0, times = 1 });
        Assert.Equal("f1", (string?)rule["id"]);

        var services = $"{Api.Project(factory.ProjectId)}/services";
        var failed = await client.PostAsync(services, Api.Json(new { name = "db" }));
        await failed.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE", "fault rule 'f1'");
        Assert.Empty((await client.GetJsonAsync(services)).AsArray());

        var created = await client.PostAsync(services, Api.Json(new { name = "db" }));
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
    }

    /// getServiceLogs is in both revisions, getProjects only in the newer one: a rule may name either.
    [Theory]
    [InlineData("getServiceLogs")]
    [InlineData("getProjects")]
    public async Task AddFault_NamingAnOperationOfEitherRevision_IsListed(string operation)
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();

        await client.AddFaultAsync(new { operation, status = 503 });

        Assert.Equal([operation], (await client.GetJsonAsync("/_emulator/faults")).AsArray().Select(rule => (string?)rule!["operation"]));
    }

    [Fact]
    public async Task ListFaults_ShowsRulesInOrderWithTheirCounts()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        await client.AddFaultAsync(new { id = "slow", effect = "latency", ms = 1, operation = "getServices" });
        await client.AddFaultAsync(new { operation = "getVPCs", status = 500, code = "BOOM", message = "boom", after = 1 });

        await client.GetAsync($"{Api.Project(factory.ProjectId)}/vpcs");
        await client.GetAsync($"{Api.Project(factory.ProjectId)}/vpcs");

        var rules = (await client.GetJsonAsync("/_emulator/faults")).AsArray();
        Assert.Equal(["slow", "f1"], rules.Select(r => (string?)r!["id"]));
        Assert.Equal("latency", (string?)rules[0]!["effect"]);
        Assert.Equal(1.0, (double?)rules[0]!["ms"]);
        Assert.Equal((0, 0), ((int)rules[0]!["matched"]!, (int)rules[0]!["fired"]!));
        Assert.Equal("error", (string?)rules[1]!["effect"]);
        Assert.Equal("BOOM", (string?)rules[1]!["code"]);
        Assert.Equal((2, 1), ((int)rules[1]!["matched"]!, (int)rules[1]!["fired"]!));
    }

    [Fact]
    public async Task DeleteFault_ById_RemovesOnlyThatRule()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        await client.AddFaultAsync(new { id = "a", operation = "getVPCs", status = 500 });
        await client.AddFaultAsync(new { id = "b", operation = "getServices", status = 500 });

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/_emulator/faults/a")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Api.Project(factory.ProjectId)}/vpcs")).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync($"{Api.Project(factory.ProjectId)}/services")).StatusCode);
        Assert.Equal(["b"], (await client.GetJsonAsync("/_emulator/faults")).AsArray().Select(r => (string?)r!["id"]));
    }

    [Fact]
    public async Task DeleteFault_Unknown_Answers404()
    {
        using var factory = Emulator.Create(output);
        var response = await factory.CreateClient().DeleteAsync("/_emulator/faults/nope");
        await response.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", "no fault rule with that id exists: 'nope'");
    }

    [Fact]
    public async Task DeleteFaults_RemovesEveryRule()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        await client.AddFaultAsync(new { status = 500 });
        await client.AddFaultAsync(new { effect = "drop" });

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/_emulator/faults")).StatusCode);

        Assert.Empty((await client.GetJsonAsync("/_emulator/faults")).AsArray());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Api.Project(factory.ProjectId)}/services")).StatusCode);
    }

    [Theory]
    [InlineData("""{"status": 503, "probability": 1.5}""", "'probability' must be between 0 and 1, not 1.5")]
    [InlineData("""{"effect": "explode"}""", "'effect' must be one of error, latency, drop, truncate, hang, stall, unstable, replica_error, peering_failure, failover, refuse_connections, end_connections, connection_latency, unreachable, not 'explode'")]
    [InlineData("""{"probability": 0.5}""", "'effect' is required (one of error, latency, drop, truncate, hang, stall, unstable, replica_error, peering_failure, failover, refuse_connections, end_connections, connection_latency, unreachable), unless 'status' makes it an error")]
    [InlineData("""{"operation": "makeCoffee", "status": 503}""", "'operation' is not an operationId of the contract: 'makeCoffee'")]
    [InlineData("""{"status": 503, "probabilty": 0.5}""", "'probabilty' is not a known field here; known fields: ")]
    [InlineData("""{"status": "503"}""", "'status' must be a number, not the text '503'")]
    [InlineData("""{"status": 200}""", "'status' must be between 400 and 599, not 200")]
    [InlineData("""{"status": 503, "times": 0}""", "'times' must be between 1 and 2147483647, not 0")]
    [InlineData("""{"status": 503, "after": 1.5}""", "'after' must be a whole number, not 1.5")]
    [InlineData("""{"effect": "latency"}""", "'ms' is required for the fixed distribution")]
    [InlineData("""{"effect": "latency", "distribution": "uniform", "min_ms": 50, "max_ms": 10}""", "'max_ms' must not be below min_ms (50), not 10")]
    [InlineData("""{"effect": "hang"}""", "'ms' is required: how long the hang lasts before the connection closes")]
    [InlineData("""{"effect": "drop", "retry_after": 3}""", "'retry_after' does not apply to the effect 'drop'")]
    [InlineData("""{"effect": "unstable", "path": "/public/api/v1/auth/info"}""", "'path' does not apply to the lifecycle effect 'unstable'")]
    [InlineData("""{"effect": "replica_error", "operation": "createService"}""", "'operation' must start an action the effect 'replica_error' applies to (createReplicaSet, resizeReplicaSet, deleteReplicaSet), not 'createService'")]
    [InlineData("""{"effect": "failover", "operation": "getService"}""", "'resource' is required for the effect 'failover': the id of the service whose primary fails")]
    [InlineData("""{"effect": "failover", "resource": "svc", "status": 503}""", "'status' does not apply to the effect 'failover'")]
    [InlineData("""{"status": 503, "method": "FETCH"}""", "'method' must be one of GET, POST, PUT, PATCH, DELETE, not 'FETCH'")]
    [InlineData("""{"status": 503, "path": "services"}""", "'path' must start with '/', not 'services'")]
    [InlineData("""{"effect": "refuse_connections", "sqlstate": "5330"}""", "'sqlstate' must be a SQLSTATE of five digits and capital letters outside class 00, such as 57P03, not '5330'")]
    [InlineData("""{"effect": "refuse_connections", "sqlstate": "00000"}""", "'sqlstate' must be a SQLSTATE of five digits and capital letters outside class 00, such as 57P03, not '00000'")]
    [InlineData("""{"effect": "refuse_connections", "sqlstate": "57p03"}""", "'sqlstate' must be a SQLSTATE of five digits and capital letters outside class 00, such as 57P03, not '57p03'")]
    [InlineData("""{"effect": "refuse_connections", "ms": 5}""", "'ms' does not apply to the effect 'refuse_connections'")]
    [InlineData("""{"effect": "end_connections", "sqlstate": "57P01"}""", "'sqlstate' does not apply to the effect 'end_connections'")]
    [InlineData("""{"effect": "end_connections", "operation": "createService"}""", "'operation' does not apply to the connection effect 'end_connections'; match it with project, resource (the service id) and node")]
    [InlineData("""{"effect": "connection_latency", "ms": 5, "path": "/x"}""", "'path' does not apply to the connection effect 'connection_latency'; match it with project, resource (the service id) and node")]
    [InlineData("""{"effect": "connection_latency"}""", "'ms' is required for the fixed distribution")]
    [InlineData("""{"effect": "connection_latency", "ms": 5, "node": -1}""", "'node' must be between 0 and 100, not -1")]
    [InlineData("""{"effect": "unreachable"}""", "'ms' is required: how long a connection is left unanswered before it is reset")]
    [InlineData("""{"effect": "unreachable", "ms": 0}""", "'ms' must be between 1 and 600000, not 0")]
    [InlineData("""{"status": 503, "node": 1}""", "'node' applies only to the connection effects (refuse_connections, end_connections, connection_latency, unreachable), not to 'error'")]
    [InlineData("""{"effect": "stall", "node": 0}""", "'node' applies only to the connection effects (refuse_connections, end_connections, connection_latency, unreachable), not to 'stall'")]
    public async Task AddFault_Invalid_Answers400NamingTheField(string rule, string message)
    {
        using var factory = Emulator.Create(output);
        var response = await factory.CreateClient().PostAsync("/_emulator/faults", Api.Json(rule));
        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", message);
        Assert.Empty((await factory.CreateClient().GetJsonAsync("/_emulator/faults")).AsArray());
    }

    [Fact]
    public async Task AddFault_WithAnIdInUse_Answers400NamingTheId()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateClient();
        await client.AddFaultAsync(new { id = "same", status = 500 });

        var response = await client.PostAsync("/_emulator/faults", Api.Json(new { id = "same", status = 503 }));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", "'id' is already used by another fault rule: 'same'");
    }

    [Fact]
    public async Task Rule_MatchesOnMethodPathProjectAndResource()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var project = Api.Project(factory.ProjectId);
        var first = (string)(await client.CreateServiceAsync(factory.ProjectId))["service_id"]!;
        var second = (string)(await client.CreateServiceAsync(factory.ProjectId))["service_id"]!;
        await factory.AdvanceAsync(TimeSpan.FromSeconds(4));
        await client.AddFaultAsync(new { method = "GET", path = "/public/api/v1/projects/*/services/" + first, status = 500 });
        await client.AddFaultAsync(new { resource = second, operation = "stopService", status = 409 });
        await client.AddFaultAsync(new { project = "someone-elses", status = 503 });

        Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync($"{project}/services/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{project}/services/{second}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"{project}/services/{second}/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"{project}/services/{first}/stop", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{project}/vpcs")).StatusCode);
    }

    [Fact]
    public async Task ErrorRule_AppliesBeforeAuthentication()
    {
        using var factory = Emulator.Create(output);
        await factory.CreateClient().AddFaultAsync(new { operation = "getAuthInfo", status = 502 });

        var response = await factory.CreateClient().GetAsync("/public/api/v1/auth/info");

        await response.AssertErrorAsync(HttpStatusCode.BadGateway, "BAD_GATEWAY", "Bad Gateway (fault rule 'f1')");
    }
}
