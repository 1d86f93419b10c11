using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Reading;
using TigerEmulator.Scenarios;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Scenarios;

/// Every file of the corpus in Scenarios/Malformed is refused whole, with a message that names the file, the place
/// (line and column for YAML) and the field.
[Collection(StartFailures.Name)]
public sealed class MalformedScenarioTests(ITestOutputHelper output)
{
    // The file, then what follows its name in the message: ", line L, column C: ..." for YAML, ": ..." where JSON has no line.
    public static readonly TheoryData<string, string> Corpus = new()
    {
        { "bad-yaml-syntax.yml", ", line 3, column 11: is not valid YAML: While scanning a multi-line double-quoted scalar, found wrong indentation." },
        { "bad-json-syntax.json", ", line 3, column 34: is not valid JSON: The JSON array contains a trailing comma at the end which is not supported in this mode. Change the reader options." },
        { "unknown-field.yml", ", line 3, column 13: 'services[0].colour' is not a known field here; known fields: id, project, name, status, service_type, region_code, cpu_millis, memory_gbs, environment, ha, password, pooler, vpc, forked_from" },
        { "wrong-type.yml", ", line 3, column 13: 'services[0].pooler' must be true or false, not the text 'yes'" },
        { "wrong-type.json", ": 'faults[0].status' must be a number, not the text '503'" },
        { "unknown-status.yml", ", line 3, column 13: 'services[0].status' must be one of QUEUED, DELETING, CONFIGURING, READY, DELETED, UNSTABLE, PAUSING, PAUSED, RESUMING, UPGRADING, OPTIMIZING, not 'SLEEPING'" },
        { "unknown-effect.yml", ", line 3, column 13: 'faults[0].effect' must be one of error, latency, drop, truncate, hang, stall, unstable, replica_error, peering_failure, failover, refuse_connections, end_connections, connection_latency, unreachable, not 'explode'" },
        { "probability-above-one.yml", ", line 3, column 18: 'faults[0].probability' must be between 0 and 1, not 1.5" },
        { "duplicate-ids.yml", ", line 4, column 9: 'services[1].id' repeats the service id 'dup0000001' already declared at 'services[0].id'" },
        { "replica-set-missing-service.yml", ", line 5, column 14: 'replica_sets[0].service' names the service 'ghost00001', which the scenario does not declare" },
        { "duplicate-key.yml", ", line 2, column 1: 'name' appears twice" },
        { "size-not-offered.yml", ", line 3, column 17: 'services[0].cpu_millis' with memory_gbs gives 3000/4, not an offered size; allowed pairs: shared/shared, 500/2, 1000/4, 2000/8, 4000/16, 8000/32, 16000/64, 32000/128" },
        { "vpc-in-another-region.yml", ", line 9, column 10: 'services[0].vpc' names VPC 'vpceu00001' in eu-west-1, but the service is in us-east-1" },
        { "unknown-transition.yml", ", line 3, column 19: 'timing.overrides[0].transition' must name a row of the transition table" },
        { "lifecycle-fault-with-path.yml", ", line 3, column 11: 'faults[0].path' does not apply to the lifecycle effect 'stall'; match it with operation, project and resource" },
        { "duplicate-fault-ids.yml", ", line 4, column 9: 'faults[1].id' repeats the fault rule id 'same' already declared at 'faults[0].id'" },
        { "not-a-mapping.yml", ", line 1, column 1: must be a mapping of fields, not a list" },
        { "empty.yml", ": is empty" },
        { "cidr-with-host-bits.yml", ", line 3, column 11: 'vpcs[0].cidr' 10.0.0.1/16 has host bits set; did you mean 10.0.0.0/16?" },
        { "token-for-undeclared-user.yml", ", line 6, column 11: 'tokens[0].user' names the user '7654321', which the scenario does not declare" },
        { "duplicate-token.yml", ", line 7, column 12: 'tokens[1].token' repeats the token already declared at 'tokens[0].token'" },
        { "user-in-undeclared-project.yml", ", line 3, column 28: 'users[0].projects[1]' names the project 'ghostproj', which the scenario does not declare" },
        { "malformed-token.yml", ", line 5, column 12: 'tokens[0].token' must be at least 8 characters of letters, digits and -._~+/ (RFC 6750's token syntax)" },
        { "sql-not-a-string.yml", ", line 3, column 10: 'services[0].sql' must be a string, not a list" },
        { "ha-sync-above-replicas.yml", ", line 5, column 27: 'services[0].ha.sync_replica_count' (2) cannot exceed replica_count (1)" },
    };

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Scenarios", "Malformed", file);

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Load_MalformedScenario_IsRefusedNamingFilePlaceAndField(string file, string expected)
    {
        using var factory = Emulator.Create(output);
        var loader = factory.Services.GetRequiredService<ScenarioLoader>();

        var refused = Assert.Throws<DocumentException>(() => loader.Load(PathOf(file)));

        var whole = PathOf(file) + expected;
        Assert.True(refused.Message.StartsWith(whole, StringComparison.Ordinal), $"message was: {refused.Message}");
    }

    [Fact]
    public void Corpus_CoversEveryFileInTheFolder()
    {
        var files = Directory.GetFiles(Path.GetDirectoryName(PathOf("x"))!).Select(file => Path.GetFileName(file)).Order().ToList();
        Assert.Equal(Corpus.Select(row => (string)row[0]).Order().ToList(), files);
    }

    [Fact]
    public async Task PostScenario_Malformed_Answers400_AndKeepsTheRunningScenario()
    {
        // The control API reads scenario files only inside the scenario folders: this one is made one.
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?>
        {
            ["TIGER_EMULATOR_SCENARIO"] = "unstable-service",
            ["TIGER_EMULATOR_SCENARIOS_DIR"] = Path.GetDirectoryName(PathOf("x")),
        });
        var client = factory.CreateTigerClient();
        var before = (await client.GetJsonAsync($"{Api.Project(factory.ProjectId)}/services")).ToJsonString();

        var response = await client.PostAsync("/_emulator/scenario", Api.Json(new { scenario = PathOf("replica-set-missing-service.yml") }));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST",
            $"{PathOf("replica-set-missing-service.yml")}, line 5, column 14: 'replica_sets[0].service' names the service 'ghost00001'");
        Assert.Equal("unstable-service", (string?)(await client.GetJsonAsync("/_emulator/scenario"))["name"]);
        Assert.Equal(before, (await client.GetJsonAsync($"{Api.Project(factory.ProjectId)}/services")).ToJsonString());
        Assert.Equal(["falls-unstable"], (await client.GetJsonAsync("/_emulator/faults")).AsArray().Select(r => (string?)r!["id"]));
    }

    [Fact]
    public void Load_ServiceSqlOverTheCap_IsRefusedNamingTheField()
    {
        using var factory = Emulator.Create(output);
        var loader = factory.Services.GetRequiredService<ScenarioLoader>();
        var text = $"services:\n  - name: orders-db\n    sql: \"{new string('x', ServiceSeedReader.SqlCap + 1)}\"\n";

        var refused = Assert.Throws<DocumentException>(() => loader.Parse(text, "big.yml", "big", json: false));

        Assert.Equal($"big.yml, line 3, column 10: 'services[0].sql' must be at most {ServiceSeedReader.SqlCap} characters long", refused.Message);
    }

    [Fact]
    public void Start_WithMalformedScenario_StopsWithTheMessage()
    {
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_SCENARIO"] = PathOf("probability-above-one.yml") });

        var thrown = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var refused = Assert.IsType<DocumentException>(Innermost(thrown));
        Assert.Equal($"{PathOf("probability-above-one.yml")}, line 3, column 18: 'faults[0].probability' must be between 0 and 1, not 1.5", refused.Message);
    }

    [Fact]
    public void Start_WithUnknownScenarioName_StopsNamingTheKnownOnes()
    {
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_SCENARIO"] = "no-such-scenario" });

        var refused = Assert.IsType<DocumentException>(Innermost(Assert.ThrowsAny<Exception>(() => factory.CreateClient())));

        Assert.StartsWith("No scenario named 'no-such-scenario': looked for no-such-scenario.yml, .yaml and .json in ", refused.Message);
        Assert.EndsWith("known scenarios: default, demo, flaky-api, peering-failure, rate-limited, slow-provisioning, unstable-service", refused.Message);
    }

    private static Exception Innermost(Exception exception) =>
        exception is DocumentException ? exception
        : exception is AggregateException aggregate && aggregate.InnerExceptions.Count == 1 ? Innermost(aggregate.InnerExceptions[0])
        : exception.InnerException is { } inner ? Innermost(inner)
        : exception;
}
