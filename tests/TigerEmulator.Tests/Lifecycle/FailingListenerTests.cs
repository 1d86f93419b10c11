using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Lifecycle;
using TigerEmulator.Services;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Lifecycle;

/// A listener that throws while it holds a step must not leave the service waiting for ever: the hold fails.
public sealed class FailingListenerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ListenerThatThrowsWhileHolding_FailsTheHold_AndTheServiceBecomesUnstable()
    {
        using var factory = Emulator.Create(output, services: services => services.AddSingleton<ILifecycleListener>(new ThrowingListener()));
        var client = factory.CreateTigerClient();
        var id = (string)(await client.CreateServiceAsync(factory.ProjectId, new { name = "db" }))["service_id"]!;

        await factory.AdvanceAsync(TimeSpan.FromSeconds(2));
        await factory.AdvanceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("UNSTABLE", (string?)(await client.GetJsonAsync($"{Api.Project(factory.ProjectId)}/services/{id}"))["status"]);
    }

    private sealed class ThrowingListener : ILifecycleListener
    {
        public bool Holds(LifecycleEvent change) => change.To == ServiceStatus.Configuring;

        public Task OnChangedAsync(LifecycleEvent change, LifecycleHold? hold, CancellationToken cancellationToken) =>
            hold is null ? Task.CompletedTask : throw new InvalidOperationException("the server did not start");
    }
}
