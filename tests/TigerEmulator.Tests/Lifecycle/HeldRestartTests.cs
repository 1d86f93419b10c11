using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Lifecycle;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Lifecycle;

/// Holds live in memory; a service that waited on one when the emulator stopped must not wait for ever after a restart.
public sealed class HeldRestartTests : IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "tiger-emulator-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ServiceHeldWhenTheEmulatorStopped_CarriesOnAfterARestart()
    {
        var listener = new HoldingListener();
        string id;
        await using (var first = new EmulatorFactory(dataDir))
        {
            using var held = first.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<ILifecycleListener>(listener)));
            var client = held.CreateClient();
            client.DefaultRequestHeaders.Authorization = Api.DefaultKey;
            id = (string)(await client.CreateServiceAsync(first.ProjectId, new { name = "held" }))["service_id"]!;
            listener.Hold(id);
            first.Clock.Advance(TimeSpan.FromSeconds(2));
            await held.Services.GetRequiredService<LifecycleWorker>().SettleAsync();
            await listener.HoldOnAsync(id);
            Assert.Equal("CONFIGURING", (string?)(await client.GetJsonAsync($"{Api.Project(first.ProjectId)}/services/{id}"))["status"]);
        }

        await using var second = new EmulatorFactory(dataDir);
        var again = second.CreateAuthenticatedClient();
        await second.AdvanceAsync(TimeSpan.FromSeconds(2));

        Assert.Equal("READY", (string?)(await again.GetJsonAsync($"{Api.Project(second.ProjectId)}/services/{id}"))["status"]);
    }

    public void Dispose()
    {
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
