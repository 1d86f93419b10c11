using System.Net;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Lifecycle;

public sealed class ResetAndRestartTests : IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "tiger-emulator-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task Reset_EmptiesStateAndRestartsTheIdSequence()
    {
        using var factory = new EmulatorFactory();
        var client = factory.CreateAuthenticatedClient();
        var paths = new ResourcePaths(factory, client);
        var firstId = (string)(await client.CreateServiceAsync(factory.ProjectId))["service_id"]!;
        await paths.VpcAsync();
        await client.PutAsync("/_emulator/transitions/service/create", Api.Json(new { manual = true }));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/_emulator/reset", null)).StatusCode);

        Assert.Empty((await client.GetJsonAsync($"{paths.Project}/services")).AsArray());
        Assert.Empty((await client.GetJsonAsync($"{paths.Project}/vpcs")).AsArray());
        Assert.Equal(firstId, (string)(await client.CreateServiceAsync(factory.ProjectId))["service_id"]!);
        var create = (await client.GetJsonAsync("/_emulator/transitions")).AsArray().Single(r => (string?)r!["action"] == "create" && (string?)r["kind"] == "service")!;
        Assert.False((bool)create["overridden"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/public/api/v1/auth/info")).StatusCode);
    }

    [Fact]
    public async Task Restart_InTheMiddleOfATransition_ResumesIt()
    {
        string path;
        await using (var first = new EmulatorFactory(dataDir))
        {
            var client = first.CreateAuthenticatedClient();
            path = new ResourcePaths(first, client).Service((string)(await client.CreateServiceAsync(first.ProjectId))["service_id"]!);
            await first.AdvanceAsync(TimeSpan.FromSeconds(2));
            Assert.Equal("CONFIGURING", await new ResourcePaths(first, client).StatusAsync(path));
        }

        await using var second = new EmulatorFactory(dataDir);
        second.Clock.Advance(TimeSpan.FromSeconds(2)); // time went on while the emulator was down
        var again = second.CreateAuthenticatedClient();
        var paths = new ResourcePaths(second, again);
        Assert.Equal("CONFIGURING", await paths.StatusAsync(path));
        await second.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal("READY", await paths.StatusAsync(path));
    }
}
