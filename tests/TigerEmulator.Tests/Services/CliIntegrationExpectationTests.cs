using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Services;

/// What the Tiger CLI's own integration suite checks against the real service (../shared/notes/real-api-facts.md,
/// "Errors"): the wording of a missing service's 404, and 400 (its exit code 3) for start on READY and stop on PAUSED.
public sealed class CliIntegrationExpectationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GetService_NeverCreated_Answers404SayingNoServiceWithThatIdExists()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();

        var response = await client.GetAsync($"{Api.Project(factory.ProjectId)}/services/nosuchsvc1");

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", "no service with that id exists: 'nosuchsvc1'");
    }

    [Fact]
    public async Task GetService_AfterDeleteCompletes_Answers404SayingNoServiceWithThatIdExists()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        var id = await seeder.ReadyServiceAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync(seeder.ServicePath(id))).StatusCode);
        Assert.Equal("DELETING", await seeder.StatusAsync(seeder.ServicePath(id)));

        await factory.AdvanceAsync(TimeSpan.FromSeconds(5));

        await (await client.GetAsync(seeder.ServicePath(id))).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", "no service with that id exists");
        // Every route that names the service words it the same way, so a client's check holds whichever call it makes.
        await (await client.GetAsync($"{seeder.ServicePath(id)}/logs")).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", $"no service with that id exists: '{id}'");
        await (await client.PostAsync($"{seeder.ServicePath(id)}/start", null)).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", $"no service with that id exists: '{id}'");
    }

    [Fact]
    public async Task StartOnReady_Answers400AndLeavesTheServiceReady()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        var id = await seeder.ReadyServiceAsync();

        var response = await client.PostAsync($"{seeder.ServicePath(id)}/start", null);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", $"Service '{id}' is READY; start needs PAUSED");
        Assert.Equal("READY", await seeder.StatusAsync(seeder.ServicePath(id)));
    }

    [Fact]
    public async Task StopOnPaused_Answers400AndLeavesTheServicePaused()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        var id = await seeder.ReadyServiceAsync();
        await seeder.StopAsync(id);
        Assert.Equal("PAUSED", await seeder.StatusAsync(seeder.ServicePath(id)));

        var response = await client.PostAsync($"{seeder.ServicePath(id)}/stop", null);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", $"Service '{id}' is PAUSED; stop needs READY");
        Assert.Equal("PAUSED", await seeder.StatusAsync(seeder.ServicePath(id)));
    }

    [Fact]
    public async Task AttachToASecondVpc_IsStillAConflict()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        var id = await seeder.ReadyServiceAsync();
        var first = await seeder.VpcAsync();
        var second = await seeder.VpcAsync(cidr: "10.1.0.0/16");
        await seeder.AttachAsync(id, first);

        var response = await client.PostAsync($"{seeder.ServicePath(id)}/attachToVPC", Api.Json(new { vpc_id = second }));

        await response.AssertErrorAsync(HttpStatusCode.Conflict, "CONFLICT", $"Service '{id}' is already attached to VPC '{first}'");
    }
}
