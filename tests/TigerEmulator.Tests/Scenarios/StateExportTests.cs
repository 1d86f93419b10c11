using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Scenarios;

/// GET /_emulator/state writes the state as a scenario; POST /_emulator/state loads it back, and the API then gives
/// the same answers: ids, statuses, sizes, endpoints, replica sets, VPCs and peerings.
public sealed class StateExportTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ExportedState_LoadedIntoAFreshEmulator_GivesTheSameAnswers()
    {
        using var source = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_SCENARIO"] = "demo" });
        var tiger = source.CreateTigerClient();
        var created = await tiger.CreateServiceAsync(source.ProjectId, new { name = "in-flight" });
        await source.AdvanceAsync(TimeSpan.FromSeconds(2));
        var before = await AnswersAsync(source);

        var export = await source.CreateClient().GetAsync("/_emulator/state");
        var yaml = await export.Content.ReadAsStringAsync();
        output.WriteLine(yaml);

        Assert.Equal("application/yaml", export.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("password", yaml);
        Assert.Contains($"id: {created["service_id"]}", yaml);
        using var target = Emulator.Create(output);
        var loaded = await target.CreateClient().PostAsync("/_emulator/state", new StringContent(yaml, Encoding.UTF8, new MediaTypeHeaderValue("application/yaml")));
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        var after = await AnswersAsync(target);

        Assert.Contains("CONFIGURING", before);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task BrokenState_IsRefusedWhole_AndTheRunningStateStays()
    {
        using var factory = Emulator.Create(output);
        var id = (string)(await factory.CreateTigerClient().CreateServiceAsync(factory.ProjectId))["service_id"]!;

        var refused = await factory.CreateClient().PostAsync(
            "/_emulator/state", new StringContent("services:\n  - id: x1\n    status: SLEEPING\n", Encoding.UTF8, new MediaTypeHeaderValue("application/yaml")));

        await refused.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", "request body, line 2, column 5: 'services[0].name' is required");
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateTigerClient().GetAsync($"projects/{factory.ProjectId}/services/{id}")).StatusCode);
    }

    // What a client sees: every service with its replica sets, every VPC, every peering, without creation times
    // (a loaded scenario creates its resources anew).
    private static async Task<string> AnswersAsync(Testing.TigerEmulatorFactory factory)
    {
        var tiger = factory.CreateTigerClient();
        var services = (await tiger.GetJsonAsync($"projects/{factory.ProjectId}/services")).AsArray();
        var vpcs = (await tiger.GetJsonAsync($"projects/{factory.ProjectId}/vpcs")).AsArray();
        var peerings = new JsonArray();
        foreach (var vpc in vpcs)
        {
            peerings.Add((await tiger.GetJsonAsync($"projects/{factory.ProjectId}/vpcs/{vpc!["id"]}/peerings")).DeepClone());
        }

        foreach (var service in services.Select(node => node!.AsObject()))
        {
            service.Remove("created");
            foreach (var set in service["read_replica_sets"]?.AsArray() ?? [])
            {
                set!.AsObject().Remove("created");
            }
        }

        var answers = new JsonObject { ["services"] = services.DeepClone(), ["vpcs"] = vpcs.DeepClone(), ["peerings"] = peerings };
        return answers.ToJsonString();
    }
}
