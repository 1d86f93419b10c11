using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Lifecycle;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Lifecycle;

/// Holds live in memory; a service that waited on one when the emulator stopped must not wait for ever after a restart.
public sealed class HeldRestartTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDataFolder folder = new();

    private string dataDir => folder.Path;

    [Fact]
    public async Task ServiceHeldWhenTheEmulatorStopped_CarriesOnAfterARestart()
    {
        var listener = new HoldingListener();
        string id;
        await using (var first = Emulator.Create(output, dataDir, services: services => services.AddSingleton<ILifecycleListener>(listener)))
        {
            var client = first.CreateTigerClient();
            id = (string)(await client.CreateServiceAsync(first.ProjectId, new { name = "held" }))["service_id"]!;
            listener.Hold(id);
            await first.AdvanceAsync(TimeSpan.FromSeconds(2));
            await listener.HoldOnAsync(id);
            Assert.Equal("CONFIGURING", (string?)(await client.GetJsonAsync($"{Api.Project(first.ProjectId)}/services/{id}"))["status"]);
        }

        await using var second = Emulator.Create(output, dataDir);
        var again = second.CreateTigerClient();
        await second.AdvanceAsync(TimeSpan.FromSeconds(2));

        Assert.Equal("READY", (string?)(await again.GetJsonAsync($"{Api.Project(second.ProjectId)}/services/{id}"))["status"]);
    }

    public void Dispose() => folder.Dispose();
}
