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

    public Task DisposeAsync() => emulator.ClearFaultsAsync();

    [Fact]
    public async Task CreateAndWait_ReturnsOnceTheServiceIsReady()
    {
        var id = await provisioner.CreateAndWaitAsync("orders");

        var service = await emulator.CreateTigerClient().GetStringAsync($"projects/{emulator.ProjectId}/services/{id}");
        Assert.Equal("READY", (string?)JsonNode.Parse(service)!["status"]);
        Assert.Equal(1, provisioner.Attempts);
    }

    [Fact]
    public async Task CreateAndWait_RetriesAfterA503()
    {
        await emulator.AddFaultAsync(new { operation = "createService", status = 503, probability = 1.0, times = 1 });

        var id = await provisioner.CreateAndWaitAsync("orders");

        Assert.Equal(2, provisioner.Attempts);
        var creates = await emulator.GetRequestsAsync("createService");
        Assert.Equal([202, 503], creates.Select(r => (int)r!["status"]!));
        Assert.False(string.IsNullOrEmpty(id));
    }
}
