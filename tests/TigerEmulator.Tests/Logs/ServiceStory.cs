using System.Net;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Logs;

/// Drives a service through a life on the fake clock: created with one HA replica, run, stopped, left paused,
/// started, run, resized, run. Each lifecycle step takes 2 s, as the emulator's default timings say.
internal static class ServiceStory
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(2);

    /// Returns the service id; every run and the pause last the given time.
    public static async Task<string> LiveAsync(TigerEmulatorFactory factory, HttpClient client, TimeSpan each)
    {
        var id = await CreateReadyAsync(factory, client, replicas: 1);
        await factory.AdvanceAsync(each);
        await ActAsync(factory, client, id, "stop");
        await factory.AdvanceAsync(each);
        await ActAsync(factory, client, id, "start");
        await factory.AdvanceAsync(each);
        await ActAsync(factory, client, id, "resize", new { cpu_millis = "1000", memory_gbs = "4" });
        await factory.AdvanceAsync(each);
        return id;
    }

    public static async Task<string> CreateReadyAsync(TigerEmulatorFactory factory, HttpClient client, int replicas = 0)
    {
        var created = await client.CreateServiceAsync(factory.ProjectId, new { name = "logs-db", addons = new[] { "time-series" }, replica_count = replicas });
        await factory.AdvanceAsync(Step * 2);
        return (string)created["service_id"]!;
    }

    /// Starts an action and lets its steps finish.
    public static async Task ActAsync(TigerEmulatorFactory factory, HttpClient client, string id, string action, object? body = null)
    {
        var response = await client.PostAsync($"{Api.Project(factory.ProjectId)}/services/{id}/{action}", Api.Json(body ?? new { }));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await factory.AdvanceAsync(Step);
    }
}
