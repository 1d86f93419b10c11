using System.Text.Json.Nodes;
using TigerEmulator.Testing;

namespace TigerEmulator.Consumer.Tests;

/// A realistic user test, written against the testing kit's public surface only.
public sealed class ProvisioningTests : IClassFixture<TigerEmulatorFactory>, IAsyncLifetime
{
    private readonly TigerEmulatorFactory emulator;
    private readonly ServiceProvisioner provisioner;

    public ProvisioningTests(TigerEmulatorFactory emulator)
    {
        this.emulator = emulator;
        // The provisioner's one-second waits move the emulated clock instead of the wall clock.
        provisioner = new ServiceProvisioner(emulator.CreateTigerClient(), emulator.ProjectId, emulator.AdvanceAsync);
    }

    public Task InitializeAsync() => emulator.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateAndWait_ReturnsOnceTheServiceIsReady()
    {
        var id = await provisioner.CreateAndWaitAsync("orders");

        var service = await emulator.CreateTigerClient().GetStringAsync($"projects/{emulator.ProjectId}/services/{id}");
        Assert.Equal("READY", (string?)JsonNode.Parse(service)!["status"]);
        Assert.Equal(1, provisioner.Attempts);
    }
}
