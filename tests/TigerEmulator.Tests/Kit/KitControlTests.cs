using System.Net;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Kit;

/// What users reached for in the kit: waiting for a status, journal filters, one fault rule, the clock, transition
/// overrides, inline scenarios, and timing and journal size as settings.
public sealed class KitControlTests(ITestOutputHelper output)
{
    private const string InlineScenario = """
        name: inline
        services:
          - id: inline0001
            name: inline-db
            status: READY
        """;

    private TigerEmulatorFactory Create(TigerEmulatorSettings? settings = null) =>
        TigerEmulatorFactory.With((settings ?? new TigerEmulatorSettings()) with { StartTime = Emulator.Start, Log = output.WriteLine });

    [Fact]
    public async Task WaitForStatusAsync_MovesTheTestClockAsTheCliPolls_UntilTheServiceIsReady()
    {
        await using var emulator = Create();
        var tiger = emulator.CreateTigerClient();
        var id = (string)(await tiger.CreateServiceAsync(emulator.ProjectId, new { name = "orders" }))["service_id"]!;

        var service = await emulator.WaitForStatusAsync(id, "READY");

        Assert.Equal("READY", (string?)service["status"]);
        // Two steps of 2 s with the fast profile, polled once an emulated second.
        Assert.Equal(TimeSpan.FromSeconds(4), emulator.Clock.GetUtcNow() - Emulator.Start);
    }

    [Fact]
    public async Task WaitForStatusAsync_GivesUpAfterItsLimit_NamingTheLastStatus()
    {
        await using var emulator = Create();
        await emulator.OverrideTransitionAsync("service", "create", TimeSpan.FromHours(1));
        var id = (string)(await emulator.CreateTigerClient().CreateServiceAsync(emulator.ProjectId, new { name = "slow" }))["service_id"]!;

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => emulator.WaitForStatusAsync(id, "READY", TimeSpan.FromSeconds(5)));

        Assert.Equal($"service {id} was still QUEUED, not READY, after 00:00:05", timeout.Message);
    }

    [Fact]
    public async Task JournalFilters_CountReadAndClear()
    {
        await using var emulator = Create();
        var tiger = emulator.CreateTigerClient();
        await emulator.AddFaultAsync(new { operation = "createService", status = 503, times = 1 });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await tiger.PostAsync($"projects/{emulator.ProjectId}/services", Api.Json(new { name = "a" }))).StatusCode);
        await tiger.CreateServiceAsync(emulator.ProjectId, new { name = "b" });
        await tiger.GetAsync("auth/info");

        Assert.Equal(3, await emulator.CountRequestsAsync());
        Assert.Equal(1, await emulator.CountRequestsAsync(new RequestFilter { Status = 503 }));
        Assert.Equal(2, await emulator.CountRequestsAsync(new RequestFilter { Operation = "createService" }));
        var newest = Assert.Single(await emulator.GetRequestsAsync(new RequestFilter { Operation = "createService", Limit = 1 }))!;
        Assert.Equal(202, (int)newest["status"]!);
        Assert.Equal(3, await emulator.CountRequestsAsync(new RequestFilter { Since = Emulator.Start }));
        Assert.Equal(0, await emulator.CountRequestsAsync(new RequestFilter { Since = Emulator.Start.AddSeconds(1) }));

        await emulator.ClearRequestsAsync();
        Assert.Equal(0, await emulator.CountRequestsAsync());
    }

    [Fact]
    public async Task OneFaultRule_IsReadAndRemovedById()
    {
        await using var emulator = Create();
        var id = await emulator.AddFaultAsync(new { operation = "getService", status = 500 });

        var rule = await emulator.GetFaultAsync(id);

        Assert.Equal(id, (string?)rule!["id"]);
        Assert.True(await emulator.RemoveFaultAsync(id));
        Assert.Null(await emulator.GetFaultAsync(id));
        Assert.False(await emulator.RemoveFaultAsync(id));
    }

    [Fact]
    public async Task SetClockAsync_ChangesTheProfile_AndHoldTransition_KeepsAServiceQueued()
    {
        await using var emulator = Create();
        var tiger = emulator.CreateTigerClient();
        var clock = await emulator.SetClockAsync(profile: "instant");
        Assert.Equal("instant", (string?)clock["profile"]);
        var quick = (string)(await tiger.CreateServiceAsync(emulator.ProjectId, new { name = "instant" }))["service_id"]!;

        await emulator.HoldTransitionAsync("service", "create");
        var held = (string)(await tiger.CreateServiceAsync(emulator.ProjectId, new { name = "held" }))["service_id"]!;

        await emulator.WaitForStatusAsync(quick, "READY", TimeSpan.FromSeconds(1));
        Assert.Equal("QUEUED", (string?)(await tiger.GetJsonAsync($"projects/{emulator.ProjectId}/services/{held}"))["status"]);
        await emulator.ClearTransitionOverridesAsync();
        using var control = emulator.CreateClient();
        Assert.DoesNotContain("\"overridden\":true", await control.GetStringAsync("/_emulator/transitions"));
    }

    [Fact]
    public async Task InlineScenario_InTheSettings_AndLoadedLater_SeedsItsServices()
    {
        await using var emulator = Create(new TigerEmulatorSettings { ScenarioText = InlineScenario });
        var tiger = emulator.CreateTigerClient();
        Assert.Equal("inline-db", (string?)(await tiger.GetJsonAsync($"projects/{emulator.ProjectId}/services/inline0001"))["name"]);

        await emulator.LoadScenarioTextAsync(InlineScenario.Replace("inline-db", "reloaded-db"));

        Assert.Equal("reloaded-db", (string?)(await tiger.GetJsonAsync($"projects/{emulator.ProjectId}/services/inline0001"))["name"]);
    }

    [Fact]
    public async Task TimingAndJournalSize_AreSettings()
    {
        await using var emulator = Create(new TigerEmulatorSettings { Timing = "realistic", JournalSize = 2 });
        var tiger = emulator.CreateTigerClient();
        for (var call = 0; call < 3; call++)
        {
            await tiger.GetAsync("auth/info");
        }

        Assert.Equal(2, await emulator.CountRequestsAsync());
        using var control = emulator.CreateClient();
        Assert.Equal("realistic", (string?)(await control.GetJsonAsync("/_emulator/clock"))["profile"]);
    }
}
