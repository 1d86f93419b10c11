using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TigerEmulator.Storage;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Storage;

/// A full disk is an answer, not a crash: a change that cannot be stored is refused with a 503 naming the cause and
/// taken back from memory, reads go on, the log says so once, and changes are stored again once there is space.
/// The failure is injected in the data folder's files (<see cref="FullDisk"/>).
public sealed class FullDiskTests(ITestOutputHelper output) : IDisposable
{
    private const string Refused = "The data folder could not store this change, so it was not made: No space left on device";

    private readonly string dataDir = Directory.CreateTempSubdirectory("tiger-full-disk-").FullName;
    private readonly FullDisk disk = new();
    private readonly ConcurrentQueue<string> log = new();

    public void Dispose() => Directory.Delete(dataDir, recursive: true);

    [Fact]
    public async Task WritesOnAFullDisk_Answer503AndChangeNothing_ReadsGoOn_AndWritesWorkOnceThereIsSpace()
    {
        await using var emulator = Start();
        var client = emulator.CreateTigerClient();
        var project = Api.Project(emulator.ProjectId);
        var kept = (string)(await client.CreateServiceAsync(emulator.ProjectId))["service_id"]!;
        var before = (await client.GetJsonAsync($"{project}/services/{kept}")).ToJsonString();

        disk.Full = true;
        var created = await client.PostAsync($"{project}/services", Api.Json(new { name = "no-room" }));
        var deleted = await client.DeleteAsync($"{project}/services/{kept}");
        var createdVpc = await client.PostAsync($"{project}/vpcs", Api.Json(new { name = "v", cidr = "10.0.0.0/16", region_code = "us-east-1" }));

        await created.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE", Refused);
        await deleted.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE", Refused);
        await createdVpc.AssertErrorAsync(HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE", Refused);
        Assert.Equal(before, (await client.GetJsonAsync($"{project}/services/{kept}")).ToJsonString());
        Assert.Single((await client.GetJsonAsync($"{project}/services")).AsArray());
        Assert.Empty((await client.GetJsonAsync($"{project}/vpcs")).AsArray());
        Assert.Single(log, line => line.Contains("The data folder refuses writes (No space left on device)", StringComparison.Ordinal));

        disk.Full = false;
        var again = (string)(await client.CreateServiceAsync(emulator.ProjectId))["service_id"]!;
        Assert.Equal(2, (await client.GetJsonAsync($"{project}/services")).AsArray().Count);
        Assert.Single(log, line => line.Contains("The data folder takes writes again", StringComparison.Ordinal));

        await emulator.DisposeAsync();
        await using var restarted = Start();
        var found = restarted.CreateTigerClient();
        Assert.Equal(before, (await found.GetJsonAsync($"{project}/services/{kept}")).ToJsonString());
        await found.GetJsonAsync($"{project}/services/{again}");
        Assert.Equal(2, (await found.GetJsonAsync($"{project}/services")).AsArray().Count);
    }

    private TigerEmulatorFactory Start() => TigerEmulatorFactory.With(new TigerEmulatorSettings
    {
        StartTime = Emulator.Start,
        DataDirectory = dataDir,
        Log = line =>
        {
            log.Enqueue(line);
            output.WriteLine(line);
        },
        Services = services =>
        {
            services.RemoveAll<DataFiles>();
            services.AddSingleton<DataFiles>(disk);
        },
    });
}
