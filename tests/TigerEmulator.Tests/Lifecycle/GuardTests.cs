using System.Net;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Lifecycle;

public sealed class GuardTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Resize_WhilePaused_Returns400NamingTheStatus()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        var id = await seeder.ReadyServiceAsync();
        await client.PostAsync($"{seeder.ServicePath(id)}/stop", null);
        await factory.AdvanceAsync(TimeSpan.FromSeconds(2));

        var response = await client.PostAsync($"{seeder.ServicePath(id)}/resize", Api.Json(new { cpu_millis = "1000", memory_gbs = "4" }));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", $"Service '{id}' is PAUSED; resize needs READY");
    }

    [Fact]
    public async Task Start_WhileReady_Returns400AsTheCloudDoes()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        var id = await seeder.ReadyServiceAsync();

        var response = await client.PostAsync($"{seeder.ServicePath(id)}/start", null);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", $"Service '{id}' is READY; start needs PAUSED");
    }

    [Theory]
    [InlineData("stop")]
    [InlineData("start")]
    [InlineData("resize")]
    [InlineData("setHA")]
    [InlineData("enablePooler")]
    [InlineData("setEnvironment")]
    [InlineData("updatePassword")]
    [InlineData("forkService")]
    [InlineData("rename")]
    public async Task AnyActionButDelete_WhileDeleting_Returns400(string action)
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        var id = await seeder.ReadyServiceAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync(seeder.ServicePath(id))).StatusCode);
        object body = action switch
        {
            "resize" => new { cpu_millis = "1000", memory_gbs = "4" },
            "setHA" => new { replica_count = 1 },
            "setEnvironment" => new { environment = "PROD" },
            "updatePassword" => new { password = "long-enough-password" },
            "forkService" => new { fork_strategy = "NOW" },
            "rename" => new { name = "renamed" },
            _ => new { },
        };

        var response = await client.PostAsync($"{seeder.ServicePath(id)}/{action}", Api.Json(body));

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "INVALID_REQUEST", $"Service '{id}' is DELETING");
    }

    [Fact]
    public async Task Delete_Repeated_IsIdempotentUntilGone()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        var id = await seeder.ReadyServiceAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync(seeder.ServicePath(id))).StatusCode);
        await factory.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Accepted, (await client.DeleteAsync(seeder.ServicePath(id))).StatusCode);
        // The second delete must not restart the countdown: the first one's due time still holds.
        await factory.AdvanceAsync(TimeSpan.FromSeconds(1));

        await (await client.GetAsync(seeder.ServicePath(id))).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", id);
        await (await client.DeleteAsync(seeder.ServicePath(id))).AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", id);
    }

    [Fact]
    public async Task ConcurrentStops_OnlyOneWins()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var seeder = new ResourceSeeder(factory, client);
        var id = await seeder.ReadyServiceAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsync($"{seeder.ServicePath(id)}/stop", null)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Accepted);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
        Assert.Equal("PAUSING", await seeder.StatusAsync(seeder.ServicePath(id)));
    }
}
