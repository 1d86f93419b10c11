using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Services;

/// What each service action changes, read back through the API once the fake clock has moved it along.
public sealed class ServiceChangeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Resize_OnceReady_ChangesTheResourceSpec()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var id = await seeder.ReadyServiceAsync();
        var before = (await seeder.ServiceAsync(id))["resources"]![0]!["spec"]!;
        Assert.NotEqual((2000, 8), ((int)before["cpu_millis"]!, (int)before["memory_gbs"]!));

        await emulator.PostAsync($"{seeder.ServicePath(id)}/resize", new { cpu_millis = "2000", memory_gbs = "8" }, HttpStatusCode.Accepted);
        await seeder.WaitForStatusAsync(seeder.ServicePath(id), "READY");

        var spec = (await seeder.ServiceAsync(id))["resources"]![0]!["spec"]!;
        Assert.Equal((2000, 8), ((int)spec["cpu_millis"]!, (int)spec["memory_gbs"]!));
    }

    [Fact]
    public async Task SetEnvironment_IsVisibleInMetadata()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var id = await seeder.ReadyServiceAsync();
        Assert.NotEqual("PROD", (string?)(await seeder.ServiceAsync(id))["metadata"]!["environment"]);

        await emulator.PostAsync($"{seeder.ServicePath(id)}/setEnvironment", new { environment = "PROD" }, HttpStatusCode.OK);

        Assert.Equal("PROD", (string?)(await seeder.ServiceAsync(id))["metadata"]!["environment"]);
    }

    [Fact]
    public async Task UpdatePassword_IsAccepted_AndNoPasswordIsEchoedAfterwards()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var created = await emulator.Client.CreateServiceAsync(emulator.Factory.ProjectId);
        var id = (string)created["service_id"]!;
        var initial = (string)created["initial_password"]!;
        await seeder.WaitForStatusAsync(seeder.ServicePath(id), "READY");

        var update = await emulator.PostAsync($"{seeder.ServicePath(id)}/updatePassword", new { password = "a-new-secret-9" }, HttpStatusCode.NoContent);

        Assert.Equal("", await update.Content.ReadAsStringAsync());
        var text = (await seeder.ServiceAsync(id)).ToJsonString();
        Assert.DoesNotContain(initial, text);
        Assert.DoesNotContain("a-new-secret-9", text);
        Assert.DoesNotContain("initial_password", text);
    }

    [Fact]
    public async Task Stop_PausesTheService_AndStart_BringsItBackToReady()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var id = await seeder.ReadyServiceAsync();

        await emulator.PostAsync($"{seeder.ServicePath(id)}/stop", null, HttpStatusCode.Accepted);
        Assert.Equal("PAUSING", await seeder.StatusAsync(seeder.ServicePath(id)));
        await seeder.WaitForStatusAsync(seeder.ServicePath(id), "PAUSED");

        await emulator.PostAsync($"{seeder.ServicePath(id)}/start", null, HttpStatusCode.Accepted);
        Assert.Equal("RESUMING", await seeder.StatusAsync(seeder.ServicePath(id)));
        await seeder.WaitForStatusAsync(seeder.ServicePath(id), "READY");
    }

    [Fact]
    public async Task Delete_OfAReadyService_LeavesItGoneFromGetAndFromTheList()
    {
        using var emulator = new SeededEmulator(output);
        var seeder = emulator.Seeder;
        var id = await seeder.ReadyServiceAsync();

        var delete = await emulator.Client.DeleteAsync(seeder.ServicePath(id));
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        await emulator.Factory.AdvanceAsync(TimeSpan.FromMinutes(1));

        await (await emulator.Client.GetAsync(seeder.ServicePath(id))).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", id);
        Assert.Empty((await emulator.Client.GetJsonAsync($"{seeder.ProjectPath}/services")).AsArray());
    }
}
