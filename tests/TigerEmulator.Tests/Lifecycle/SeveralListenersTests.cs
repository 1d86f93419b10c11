using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Lifecycle;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Lifecycle;

/// Any number of listeners hear every change; a step that two of them hold goes on only when both are done.
public sealed class SeveralListenersTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoListeners_BothHearEveryChange_AndTheStepWaitsForBothHolds()
    {
        var first = new HoldingListener();
        var second = new HoldingListener();
        using var factory = Emulator.Create(output, services: services =>
        {
            services.AddSingleton<ILifecycleListener>(first);
            services.AddSingleton<ILifecycleListener>(second);
        });
        var client = factory.CreateTigerClient();
        var id = (string)(await client.CreateServiceAsync(factory.ProjectId, new { name = "db" }))["service_id"]!;
        first.Hold(id);
        second.Hold(id);

        await factory.AdvanceAsync(TimeSpan.FromSeconds(2));
        (await first.HoldOnAsync(id)).Complete();
        await factory.AdvanceAsync(TimeSpan.FromSeconds(10));
        var whileOneHolds = await StatusAsync(client, factory, id);
        (await second.HoldOnAsync(id)).Complete();
        await factory.AdvanceAsync(TimeSpan.Zero);

        Assert.Equal("CONFIGURING", whileOneHolds);
        Assert.Equal("READY", await StatusAsync(client, factory, id));
        Assert.Equal<string?>(["QUEUED", "CONFIGURING", "READY"], first.Of(id).Select(change => change.To));
        Assert.Equal<string?>(["QUEUED", "CONFIGURING", "READY"], second.Of(id).Select(change => change.To));
    }

    private static async Task<string?> StatusAsync(HttpClient client, TigerEmulatorFactory factory, string id) =>
        (string?)(await client.GetJsonAsync($"{Api.Project(factory.ProjectId)}/services/{id}"))["status"];
}
