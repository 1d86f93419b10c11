using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Services;

public sealed class ServiceLifecycleBasicsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CreateService_ThenAdvanceClock_BecomesReady()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();

        var created = await client.CreateServiceAsync(factory.ProjectId);
        var id = (string)created["service_id"]!;
        Assert.Equal("QUEUED", (string?)created["status"]);
        Assert.NotNull(created["initial_password"]);

        await factory.AdvanceAsync(TimeSpan.FromSeconds(2));
        var configuring = await client.GetJsonAsync($"{Api.Project(factory.ProjectId)}/services/{id}");
        Assert.Equal("CONFIGURING", (string?)configuring["status"]);
        Assert.Null(configuring["initial_password"]);

        await factory.AdvanceAsync(TimeSpan.FromSeconds(2));
        var ready = await client.GetJsonAsync($"{Api.Project(factory.ProjectId)}/services/{id}");
        Assert.Equal("READY", (string?)ready["status"]);
    }

    [Fact]
    public async Task DeleteService_WhenDone_Answers404()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var id = (string)(await client.CreateServiceAsync(factory.ProjectId))["service_id"]!;

        var delete = await client.DeleteAsync($"{Api.Project(factory.ProjectId)}/services/{id}");
        Assert.Equal(HttpStatusCode.Accepted, delete.StatusCode);
        var deleting = await client.GetJsonAsync($"{Api.Project(factory.ProjectId)}/services/{id}");
        Assert.Equal("DELETING", (string?)deleting["status"]);

        await factory.AdvanceAsync(TimeSpan.FromSeconds(2));
        var gone = await client.GetAsync($"{Api.Project(factory.ProjectId)}/services/{id}");
        await gone.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", id);
    }
}
