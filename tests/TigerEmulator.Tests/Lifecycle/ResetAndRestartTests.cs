using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Lifecycle;

public sealed class ResetAndRestartTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDataFolder folder = new();

    private string dataDir => folder.Path;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Reset_EmptiesStateAndRestartsTheIdSequence()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        var firstId = (string)(await client.CreateServiceAsync(factory.ProjectId))["service_id"]!;
        await seeder.VpcAsync();
        await client.PutAsync("/_emulator/transitions/service/create", Api.Json(new { manual = true }));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/_emulator/reset", null)).StatusCode);

        Assert.Empty((await client.GetJsonAsync($"{seeder.ProjectPath}/services")).AsArray());
        Assert.Empty((await client.GetJsonAsync($"{seeder.ProjectPath}/vpcs")).AsArray());
        Assert.Equal(firstId, (string)(await client.CreateServiceAsync(factory.ProjectId))["service_id"]!);
        var create = (await client.GetJsonAsync("/_emulator/transitions")).AsArray().Single(r => (string?)r!["action"] == "create" && (string?)r["kind"] == "service")!;
        Assert.False((bool)create["overridden"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/public/api/v1/auth/info")).StatusCode);
    }

    [Fact]
    public async Task Restart_InTheMiddleOfATransition_ResumesIt()
    {
        string path;
        await using (var first = Emulator.Create(output, dataDir))
        {
            var client = first.CreateTigerClient();
            path = new ResourceSeeder(first, client).ServicePath((string)(await client.CreateServiceAsync(first.ProjectId))["service_id"]!);
            await first.AdvanceAsync(TimeSpan.FromSeconds(2));
            Assert.Equal("CONFIGURING", await new ResourceSeeder(first, client).StatusAsync(path));
        }

        await using var second = Emulator.Create(output, dataDir);
        second.Clock.Advance(TimeSpan.FromSeconds(2)); // time went on while the emulator was down
        var again = second.CreateTigerClient();
        var seeder = new ResourceSeeder(second, again);
        Assert.Equal("CONFIGURING", await seeder.StatusAsync(path));
        await second.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal("READY", await seeder.StatusAsync(path));
    }
}
