using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TigerEmulator.Services;
using TigerEmulator.Storage;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Lifecycle;

public sealed class ClockControlTests(ITestOutputHelper output)
{
    private TigerEmulatorFactory ManualFactory() => Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_CLOCK"] = "manual" });

    [Fact]
    public async Task ManualClock_NothingMovesUntilAnAdvance()
    {
        using var factory = ManualFactory();
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        var id = (string)(await client.CreateServiceAsync(factory.ProjectId))["service_id"]!;

        await factory.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Equal("QUEUED", await seeder.StatusAsync(seeder.ServicePath(id)));
        var clock = await client.GetJsonAsync("/_emulator/clock");
        Assert.Equal("manual", (string?)clock["mode"]);
        Assert.Equal(Emulator.Start.UtcDateTime, (DateTime)clock["now"]!);

        var advanced = await client.PostAsync("/_emulator/clock/advance", Api.Json(new { seconds = 2 }));
        Assert.Equal(HttpStatusCode.OK, advanced.StatusCode);
        Assert.Equal(1, (int)(await advanced.ReadJsonAsync())["transitions_applied"]!);
        Assert.Equal("CONFIGURING", await seeder.StatusAsync(seeder.ServicePath(id)));
    }

    [Fact]
    public async Task ManualClock_AdvanceMovesExactlyWhatIsDue_AtItsDueTime()
    {
        using var factory = ManualFactory();
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        var first = (string)(await client.CreateServiceAsync(factory.ProjectId))["service_id"]!;
        await client.PostAsync("/_emulator/clock/advance", Api.Json(new { seconds = 1 }));
        var second = (string)(await client.CreateServiceAsync(factory.ProjectId))["service_id"]!;

        // t=1s → t=3.5s: the first service's steps at 2s fall due; the second's at 3s too; nothing at 4s or 5s.
        var advanced = await client.PostAsync("/_emulator/clock/advance", Api.Json(new { seconds = 2.5 }));
        Assert.Equal(2, (int)(await advanced.ReadJsonAsync())["transitions_applied"]!);
        Assert.Equal("CONFIGURING", await seeder.StatusAsync(seeder.ServicePath(first)));
        Assert.Equal("CONFIGURING", await seeder.StatusAsync(seeder.ServicePath(second)));

        await client.PostAsync("/_emulator/clock/advance", Api.Json(new { seconds = 60 }));
        var services = factory.Services.GetRequiredService<IStore<ServiceDocument>>();
        var start = Emulator.Start.UtcDateTime;
        Assert.Equal([start, start.AddSeconds(2), start.AddSeconds(4)], services.Get(first)!.History.Select(h => h.At));
        Assert.Equal([start.AddSeconds(1), start.AddSeconds(3), start.AddSeconds(5)], services.Get(second)!.History.Select(h => h.At));
        Assert.Equal(["QUEUED", "CONFIGURING", "READY"], services.Get(second)!.History.Select(h => h.Status));
    }

    [Fact]
    public async Task Timestamps_ComeFromTheEmulatedClock()
    {
        using var factory = ManualFactory();
        var client = factory.CreateTigerClient();
        await client.PostAsync("/_emulator/clock/advance", Api.Json(new { seconds = 90 }));

        var created = await client.CreateServiceAsync(factory.ProjectId);

        Assert.Equal(Emulator.Start.UtcDateTime.AddSeconds(90), (DateTime)created["created"]!);
    }

    [Fact]
    public async Task Override_ChangesOneActionsStepDuration()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        var put = await client.PutAsync("/_emulator/transitions/service/create", Api.Json(new { seconds = 10 }));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var id = (string)(await client.CreateServiceAsync(factory.ProjectId))["service_id"]!;

        await factory.AdvanceAsync(TimeSpan.FromSeconds(9));
        Assert.Equal("QUEUED", await seeder.StatusAsync(seeder.ServicePath(id)));
        await factory.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal("CONFIGURING", await seeder.StatusAsync(seeder.ServicePath(id)));
    }

    [Fact]
    public async Task ManualOverride_HoldsEachStepUntilTheClockIsAdvanced()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        await client.PutAsync("/_emulator/transitions/service/create", Api.Json(new { manual = true }));
        var id = (string)(await client.CreateServiceAsync(factory.ProjectId))["service_id"]!;

        await factory.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Equal("QUEUED", await seeder.StatusAsync(seeder.ServicePath(id)));
        await client.PostAsync("/_emulator/clock/advance", Api.Json(new { seconds = 0 }));
        Assert.Equal("CONFIGURING", await seeder.StatusAsync(seeder.ServicePath(id)));
        await client.PostAsync("/_emulator/clock/advance", Api.Json(new { seconds = 0 }));
        Assert.Equal("READY", await seeder.StatusAsync(seeder.ServicePath(id)));
    }

    [Fact]
    public async Task ClockSpeed_DividesEveryDuration()
    {
        using var factory = Emulator.Create(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_CLOCK_SPEED"] = "100", ["TIGER_EMULATOR_TIMING"] = "realistic" });
        var client = factory.CreateTigerClient();

        var rows = (await client.GetJsonAsync("/_emulator/transitions")).AsArray();

        var create = rows.Single(r => (string?)r!["kind"] == "service" && (string?)r["action"] == "create")!;
        Assert.Equal(0.3, (double)create["steps"]![0]!["seconds"]!, 6);
        Assert.Equal(1.8, (double)create["steps"]![1]!["seconds"]!, 6);
    }

    [Fact]
    public async Task Advance_WithoutSeconds_Returns400()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateClient();

        var response = await client.PostAsync("/_emulator/clock/advance", Api.Json(new { minutes = 2 }));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", "'seconds' is required");
    }

    [Fact]
    public async Task Override_UnknownTransition_Returns404()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateClient();

        var response = await client.PutAsync("/_emulator/transitions/service/explode", Api.Json(new { seconds = 1 }));

        await response.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", "No transition 'service/explode'");
    }
}
