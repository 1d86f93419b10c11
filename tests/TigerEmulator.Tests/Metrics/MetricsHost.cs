using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Metrics;

/// One emulator with one READY TimescaleDB service, shared by tests that only read from it.
public sealed class MetricsHost : IAsyncLifetime
{
    public TigerEmulatorFactory Factory { get; } = Emulator.Create();

    public HttpClient Client { get; private set; } = null!;

    public string ServiceId { get; private set; } = "";

    public string SeriesPath => MetricsClient.SeriesPath(Factory.ProjectId, ServiceId);

    public async Task InitializeAsync()
    {
        Client = Factory.CreateTigerClient();
        ServiceId = await new ResourceSeeder(Factory, Client).ReadyServiceAsync();
    }

    public Task DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
