using System.Net;
using System.Text;
using System.Net.Http.Headers;
using TigerEmulator.Auth;
using TigerEmulator.Tests.Faults;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Scenarios;

public sealed class ScenarioLoadingTests(ITestOutputHelper output)
{
    private const string Seeded = """
        name: seeded
        seed: 5
        projects:
          - id: otherproj
            name: Other Project
        api_keys:
          - public_key: other-public
            secret_key: other-secret
            project: otherproj
        vpcs:
          - id: vpcseed001
            name: seed-vpc
            cidr: 10.9.0.0/16
            region_code: eu-west-1
        services:
          - id: seeddb0001
            name: seeded-db
            status: READY
            service_type: VECTOR
            region_code: eu-west-1
            cpu_millis: 4000
            memory_gbs: 16
            environment: PROD
            ha: { replica_count: 2, sync_replica_count: 1 }
            pooler: true
            vpc: vpcseed001
          - id: seeddb0002
            name: half-made-db
            status: CONFIGURING
            cpu_millis: shared
            memory_gbs: shared
          - project: otherproj
            name: elsewhere-db
        replica_sets:
          - id: seedrs0001
            service: seeddb0001
            name: analytics
            status: creating
            nodes: 3
            cpu_millis: 2000
            memory_gbs: 8
        """;

    [Fact]
    public async Task Start_WithScenarioPath_ServesTheSeededResourcesAsDeclared()
    {
        using var file = ScenarioRuns.Write("seeded.yml", Seeded);
        using var factory = ScenarioRuns.Running(file.Path);
        var client = factory.CreateTigerClient();
        var project = Api.Project("emuproject");

        var service = await client.GetJsonAsync($"{project}/services/seeddb0001");
        Assert.Equal(("seeded-db", "READY", "VECTOR", "eu-west-1"), ((string?)service["name"], (string?)service["status"], (string?)service["service_type"], (string?)service["region_code"]));
        Assert.Equal((4000, 16), ((int)service["resources"]![0]!["spec"]!["cpu_millis"]!, (int)service["resources"]![0]!["spec"]!["memory_gbs"]!));
        Assert.Equal((2, 1), ((int)service["ha_replicas"]!["replica_count"]!, (int)service["ha_replicas"]!["sync_replica_count"]!));
        Assert.Equal("PROD", (string?)service["metadata"]!["environment"]);
        Assert.NotNull(service["connection_pooler"]);
        Assert.Equal("seeddb0001.vpcseed001.vpc.tsdb.cloud.timescale.com", (string?)service["vpcEndpoint"]!["host"]);
        var set = Assert.Single(service["read_replica_sets"]!.AsArray())!;
        Assert.Equal(("seedrs0001", "creating", 3, "PROD"), ((string?)set["id"], (string?)set["status"], (int)set["nodes"]!, (string?)set["metadata"]!["environment"]));
        Assert.Equal(2, (await client.GetJsonAsync($"{project}/services")).AsArray().Count);

        var halfMade = await client.GetJsonAsync($"{project}/services/seeddb0002");
        Assert.Equal("CONFIGURING", (string?)halfMade["status"]);
        Assert.Null((int?)halfMade["resources"]![0]!["spec"]!["cpu_millis"]);
        await factory.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal("READY", (string?)(await client.GetJsonAsync($"{project}/services/seeddb0002"))["status"]);
        Assert.Equal("active", (string?)(await client.GetJsonAsync($"{project}/services/seeddb0001/replicaSets"))[0]!["status"]);
    }

    [Fact]
    public async Task SeededApiKey_AuthenticatesForItsOwnProjectOnly()
    {
        using var file = ScenarioRuns.Write("seeded.yml", Seeded);
        using var factory = ScenarioRuns.Running(file.Path);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(BasicCredentials.Header("other-public", "other-secret"));

        var info = await client.GetJsonAsync("/public/api/v1/auth/info");
        Assert.Equal(("otherproj", "Other Project"), ((string?)info["apiKey"]!["project"]!["id"], (string?)info["apiKey"]!["project"]!["name"]));
        Assert.Equal("elsewhere-db", (string?)Assert.Single((await client.GetJsonAsync($"{Api.Project("otherproj")}/services")).AsArray())!["name"]);
        var foreign = await client.GetAsync($"{Api.Project("emuproject")}/services");
        await foreign.AssertErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN", "does not belong to project 'emuproject'");
    }

    [Fact]
    public async Task JsonScenarioFile_LoadsLikeYaml()
    {
        using var file = ScenarioRuns.Write("seeded.json", """
            { "name": "from-json", "services": [ { "id": "jsondb0001", "name": "json-db", "status": "PAUSED" } ] }
            """);
        using var factory = ScenarioRuns.Running(file.Path);

        var service = await factory.CreateTigerClient().GetJsonAsync($"{Api.Project("emuproject")}/services/jsondb0001");

        Assert.Equal("PAUSED", (string?)service["status"]);
        Assert.Equal("from-json", (string?)(await factory.CreateClient().GetJsonAsync("/_emulator/scenario"))["name"]);
    }

    [Fact]
    public async Task PostScenario_ByName_ReplacesTheWholeState()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        await client.CreateServiceAsync("emuproject");
        await client.AddFaultAsync(new { status = 500, operation = "getVPCs" });

        var loaded = await client.PostAsync("/_emulator/scenario", Api.Json(new { scenario = "peering-failure" }));

        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        Assert.Empty((await client.GetJsonAsync($"{Api.Project("emuproject")}/services")).AsArray());
        Assert.Equal("2000000001", (string?)Assert.Single((await client.GetJsonAsync($"{Api.Project("emuproject")}/vpcs")).AsArray())!["id"]);
        Assert.Equal(["peer-rejected"], (await client.GetJsonAsync("/_emulator/faults")).AsArray().Select(r => (string?)r!["id"]));
        var journal = (await client.GetJsonAsync("/_emulator/requests")).AsArray();
        Assert.Equal(["getVPCs", "getServices"], journal.Select(entry => (string?)entry!["operation_id"]));
    }

    [Fact]
    public async Task PostScenario_AsYamlBody_LoadsIt_WithTheSeedFromTheQuery()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var yaml = new StringContent("name: inline\nservices:\n  - name: inline-db\n", Encoding.UTF8, "application/yaml");

        var loaded = await client.PostAsync("/_emulator/scenario?seed=99", yaml);

        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        var body = await loaded.ReadJsonAsync();
        Assert.Equal(("inline", "request body", 99), ((string?)body["name"], (string?)body["source"], (int)body["seed"]!));
        Assert.Equal("inline-db", (string?)Assert.Single((await client.GetJsonAsync($"{Api.Project("emuproject")}/services")).AsArray())!["name"]);
    }

    [Fact]
    public async Task PostScenario_AsBrokenYamlBody_Answers400NamingLineAndField()
    {
        using var factory = Emulator.Create(output);
        var yaml = new StringContent("name: inline\nservices:\n  - name: x\n    status: ASLEEP\n", Encoding.UTF8, "application/yaml");

        var response = await factory.CreateClient().PostAsync("/_emulator/scenario", yaml);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", "request body, line 4, column 13: 'services[0].status' must be one of QUEUED");
        Assert.Equal("default", (string?)(await factory.CreateClient().GetJsonAsync("/_emulator/scenario"))["name"]);
    }

    [Fact]
    public async Task PostScenario_UnknownName_Answers400NamingTheKnownOnes()
    {
        using var factory = Emulator.Create(output);

        var response = await factory.CreateClient().PostAsync("/_emulator/scenario", Api.Json(new { scenario = "nope" }));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", "No scenario named 'nope'");
    }

    [Fact]
    public async Task Reset_ReturnsToTheInitialStateOfTheLoadedScenario()
    {
        using var factory = ScenarioRuns.Running("unstable-service");
        var client = factory.CreateTigerClient();
        var services = $"{Api.Project("emuproject")}/services";
        var initialServices = (await client.GetJsonAsync(services)).ToJsonString();
        var initialFaults = (await client.GetJsonAsync("/_emulator/faults")).ToJsonString();

        await client.CreateServiceAsync("emuproject");
        await client.PostAsync($"{services}/steady0001/resize", Api.Json(new { cpu_millis = "2000", memory_gbs = "8" }));
        await client.DeleteAsync("/_emulator/faults/falls-unstable");
        await client.AddFaultAsync(new { status = 500 });
        await client.PutAsync("/_emulator/clock", Api.Json(new { profile = "realistic" }));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/_emulator/reset", null)).StatusCode);

        Assert.Equal(initialServices, (await client.GetJsonAsync(services)).ToJsonString());
        Assert.Equal(initialFaults, (await client.GetJsonAsync("/_emulator/faults")).ToJsonString());
        Assert.Equal("fast", (string?)(await client.GetJsonAsync("/_emulator/clock"))["profile"]);
        Assert.Equal(60.0, (double?)(await client.GetJsonAsync("/_emulator/transitions")).AsArray().Single(t => (string?)t!["action"] == "recover")!["steps"]![0]!["seconds"]);
        Assert.Equal(1, (int)(await client.GetJsonAsync("/_emulator/requests/count"))["count"]!);
    }

    [Fact]
    public void ShippedScenarios_AreCopiedBesideTheBuild_FromTheRepositoryFolder()
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "TigerEmulator.sln")))
        {
            repository = repository.Parent;
        }

        Assert.NotNull(repository);
        var source = Directory.GetFiles(Path.Combine(repository.FullName, "scenarios"), "*.yml").Select(f => Path.GetFileName(f)).Order().ToList();
        var copied = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios")).Select(f => Path.GetFileName(f)).Order().ToList();
        Assert.Equal(7, source.Count);
        Assert.Equal(source, copied);
    }
}
