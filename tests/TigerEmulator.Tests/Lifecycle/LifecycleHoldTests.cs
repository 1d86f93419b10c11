using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Lifecycle;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Lifecycle;

/// A participant outside the lifecycle engine (a database server, later) keeps a service in CONFIGURING until its own
/// work is done, or fails it; other services move on meanwhile.
public sealed class LifecycleHoldTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(2);

    private readonly HoldingListener listener = new();
    private readonly TigerEmulatorFactory factory;
    private readonly HttpClient client;

    public LifecycleHoldTests(ITestOutputHelper output)
    {
        factory = Emulator.Create(output, services: services => services.AddSingleton<ILifecycleListener>(listener));
        client = factory.CreateTigerClient();
    }

    [Fact]
    public async Task CompletedHold_KeepsServiceConfiguring_UntilCompleted_WhileOthersBecomeReady()
    {
        var held = await CreateAsync("held");
        listener.Hold(held);
        var free = await CreateAsync("free");

        await AdvanceAsync(Step);
        var hold = await listener.HoldOnAsync(held);
        await AdvanceAsync(Step * 10);

        Assert.Equal("CONFIGURING", await StatusAsync(held));
        Assert.Equal("READY", await StatusAsync(free));

        hold.Complete();
        await AdvanceAsync(TimeSpan.Zero);
        Assert.Equal("READY", await StatusAsync(held));
        Assert.Equal<string?>(["QUEUED", "CONFIGURING", "READY"], listener.Of(held).Select(change => change.To));
    }

    [Fact]
    public async Task FailedHold_PutsServiceInUnstable_AndLeavesOthersAlone()
    {
        var held = await CreateAsync("held");
        listener.Hold(held);
        var free = await CreateAsync("free");
        await AdvanceAsync(Step);
        var hold = await listener.HoldOnAsync(held);

        hold.Fail("the server did not start");
        await AdvanceAsync(Step * 10);

        Assert.Equal("UNSTABLE", await StatusAsync(held));
        Assert.Equal("READY", await StatusAsync(free));
        var failure = listener.Of(held).Last();
        Assert.Equal(("CONFIGURING", "UNSTABLE", LifecycleEvent.HoldFailed), (failure.From, failure.To, failure.Action));
        Assert.False(hold.Abandoned.IsCancellationRequested);
    }

    [Fact]
    public async Task DeletingAHeldService_AbandonsTheHold_AndTheServiceGoes()
    {
        var held = await CreateAsync("held");
        listener.Hold(held);
        await AdvanceAsync(Step);
        var hold = await listener.HoldOnAsync(held);

        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync($"{Api.Project(factory.ProjectId)}/services/{held}")).StatusCode);
        hold.Complete();
        await AdvanceAsync(Step);

        Assert.True(hold.Abandoned.IsCancellationRequested);
        Assert.Null(await StatusAsync(held));
        Assert.Null(listener.Of(held).Last().To);
    }

    [Fact]
    public async Task Listeners_HearEachChangeOnceStored_InOrder_WithThePasswordHandedOver()
    {
        var created = await client.CreateServiceAsync(factory.ProjectId, new { name = "db" });
        var id = (string)created["service_id"]!;
        await AdvanceAsync(Step * 2);
        var update = await client.PostAsync($"{Api.Project(factory.ProjectId)}/services/{id}/updatePassword", Api.Json(new { password = "a 'new' pässword\\" }));
        Assert.Equal(HttpStatusCode.NoContent, update.StatusCode);
        await Events().DrainAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var heard = listener.Of(id);
        Assert.Equal<string?>([null, "QUEUED", "CONFIGURING", "READY"], heard.Select(change => change.From));
        Assert.Equal<string?>(["QUEUED", "CONFIGURING", "READY", "READY"], heard.Select(change => change.To));
        Assert.Equal(ServerEffect.StartFresh, heard[2].Effect);
        Assert.Equal((string?)created["initial_password"], heard[0].Password?.Reveal());
        Assert.Equal(("updatePassword", "a 'new' pässword\\"), (heard[3].Action, heard[3].Password?.Reveal()));
        Assert.Null(heard[1].Password);
        Assert.DoesNotContain("pässword", heard[3].ToString());
    }

    [Fact]
    public async Task SeededResources_AreHeardLikeAnyChange()
    {
        var scenario = "name: seeded\nservices:\n  - name: running\n    status: READY\n    password: seeded-secret-1\n  - name: half\n    status: CONFIGURING\n";
        var load = await client.PostAsync("/_emulator/scenario", new StringContent(scenario, System.Text.Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.OK, load.StatusCode);
        await Events().DrainAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var seeded = listener.Heard.Where(change => change.Action == LifecycleEvent.Seeded).OrderBy(change => change.To).ToList();
        Assert.Equal<string?>(["CONFIGURING", "READY"], seeded.Select(change => change.To));
        Assert.Equal([ServerEffect.None, ServerEffect.StartFresh], seeded.Select(change => change.Effect).ToArray());
        Assert.Equal("seeded-secret-1", seeded[1].Password?.Reveal());
    }

    public void Dispose()
    {
        client.Dispose();
        factory.Dispose();
    }

    private LifecycleEvents Events() => factory.Services.GetRequiredService<LifecycleEvents>();

    private Task AdvanceAsync(TimeSpan by) => factory.AdvanceAsync(by);

    private async Task<string> CreateAsync(string name) =>
        (string)(await client.CreateServiceAsync(factory.ProjectId, new { name }))["service_id"]!;

    private async Task<string?> StatusAsync(string id)
    {
        var response = await client.GetAsync($"{Api.Project(factory.ProjectId)}/services/{id}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : (string?)(await response.ReadJsonAsync())["status"];
    }
}
