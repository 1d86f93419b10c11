using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using TigerEmulator.Auth;
using TigerEmulator.Tests.Packaging;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Storage;

/// Nothing acknowledged is lost: the published emulator, on a data folder, under concurrent creates, renames and
/// deletes, is killed with SIGKILL at several moments; after each restart every answered write is there.
// Publishes the app and starts it six times (about a minute in all): CI runs it, `Category!=Slow` skips it.
[Trait("Category", "Slow")]
public sealed class KillTests(ITestOutputHelper output) : IDisposable
{
    private const int Clients = 16;

    private readonly string dataDir = Directory.CreateTempSubdirectory("tiger-kill-").FullName;

    public void Dispose() => Directory.Delete(dataDir, recursive: true);

    [Fact]
    public async Task KilledUnderLoadAtSeveralMoments_EveryAcknowledgedWriteIsThereAfterRestart()
    {
        var ledger = new Ledger();
        // Counted from the first acknowledgement of the run: from the first requests (the JIT still warming up) to a
        // steady load.
        int[] killAfterMs = [0, 50, 200, 500, 1000];
        foreach (var moment in killAfterMs)
        {
            await using var emulator = await StartAsync();
            using var client = Client(emulator);
            await ledger.CheckAsync(client);
            using var load = new CancellationTokenSource();
            var clients = Enumerable.Range(0, Clients).Select(i => DriveAsync(client, ledger, i, load.Token)).ToArray();
            await ledger.FirstAcknowledgement.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await Task.Delay(moment);
            await emulator.KillAsync();
            ledger.FirstAcknowledgement = new();
            await load.CancelAsync();
            await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(20));
            output.WriteLine($"killed after {moment} ms: {ledger.Summary}");
        }

        await using var last = await StartAsync();
        using var final = Client(last);
        await ledger.CheckAsync(final);
        Assert.True(ledger.Acknowledged > 100, $"too little load to prove anything: {ledger.Summary}");
    }

    private Task<PublishedEmulator> StartAsync() => PublishedEmulator.StartAsync(output, new Dictionary<string, string>
    {
        ["TIGER_EMULATOR_DATA_DIR"] = dataDir,
        ["TIGER_EMULATOR_TIMING"] = "instant",

        // The control plane's durability: a SIGKILL would leave a database server behind (pg_ctl starts it outside
        // the emulator's process tree), and thousands of creates would each make one.
        ["TIGER_EMULATOR_DATABASES"] = "off",
    });

    private static HttpClient Client(PublishedEmulator emulator)
    {
        var client = new HttpClient { BaseAddress = emulator.Address, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(
            BasicCredentials.Header(EmulatorOptions.DefaultPublicKey, EmulatorOptions.DefaultSecretKey));
        return client;
    }

    // Each client works on its own resources, one request at a time, so that its own order is the order of its writes.
    private static async Task DriveAsync(HttpClient client, Ledger ledger, int number, CancellationToken stop)
    {
        var project = Api.Project(EmulatorOptions.DefaultProjectId);
        string? vpc = null;
        string? service = null;
        for (var turn = 0; !stop.IsCancellationRequested; turn++)
        {
            try
            {
                switch (turn % 4)
                {
                    case 0:
                        var createdService = await client.PostAsync($"{project}/services", Api.Json(new { name = $"c{number}-{turn}" }), stop);
                        if (createdService.StatusCode == HttpStatusCode.Accepted)
                        {
                            service = (string?)(await createdService.ReadJsonAsync())["service_id"];
                            ledger.Services[service!] = Ledger.Live;
                            ledger.FirstAcknowledgement.TrySetResult();
                        }

                        break;
                    case 1 when vpc is null:
                        var createdVpc = await client.PostAsync($"{project}/vpcs", Api.Json(new { name = $"v{number}-{turn}", cidr = "10.0.0.0/16", region_code = "us-east-1" }), stop);
                        if (createdVpc.StatusCode == HttpStatusCode.Created)
                        {
                            vpc = (string?)(await createdVpc.ReadJsonAsync())["id"];
                            ledger.VpcNames[vpc!] = ([$"v{number}-{turn}"], $"v{number}-{turn}");
                        }

                        break;
                    case 1:
                        var name = $"v{number}-{turn}";
                        // Sent but not answered: the emulator may or may not have stored it when it was killed.
                        ledger.VpcNames[vpc] = ([.. ledger.VpcNames[vpc].Possible, name], ledger.VpcNames[vpc].Acknowledged);
                        var renamed = await client.PostAsync($"{project}/vpcs/{vpc}/rename", Api.Json(new { name }), stop);
                        if (renamed.StatusCode == HttpStatusCode.OK)
                        {
                            ledger.VpcNames[vpc] = ([name], name);
                        }

                        break;
                    case 3 when service is not null:
                        ledger.Services[service] = Ledger.MaybeDeleted;
                        var deleted = await client.DeleteAsync($"{project}/services/{service}", stop);
                        if (deleted.StatusCode == HttpStatusCode.Accepted)
                        {
                            ledger.Services[service] = Ledger.Deleted;
                        }

                        service = null;
                        break;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                // The emulator is gone: what was not answered was not acknowledged.
                return;
            }
        }
    }

    /// Every write the emulator acknowledged: services created or deleted (or with a delete in flight at the kill, which
    /// the emulator may or may not have stored), and each VPC's name as last acknowledged, with the names a rename in
    /// flight may have left.
    private sealed class Ledger
    {
        public const string Live = "live";
        public const string MaybeDeleted = "delete in flight";
        public const string Deleted = "deleted";

        public TaskCompletionSource FirstAcknowledgement { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentDictionary<string, string> Services { get; } = new();

        public ConcurrentDictionary<string, (string[] Possible, string Acknowledged)> VpcNames { get; } = new();

        public int Acknowledged => Services.Count + VpcNames.Count;

        public string Summary => $"{Services.Count(s => s.Value == Live)} services live, {Services.Count(s => s.Value == Deleted)} deleted, {VpcNames.Count} VPCs";

        public async Task CheckAsync(HttpClient client)
        {
            var project = Api.Project(EmulatorOptions.DefaultProjectId);
            var lost = new List<string>();
            foreach (var (id, state) in Services)
            {
                var answer = await client.GetAsync($"{project}/services/{id}");
                // Instant timing: an acknowledged delete may have finished (404) or still be DELETING after the restart.
                var status = answer.StatusCode == HttpStatusCode.OK ? (string?)(await answer.ReadJsonAsync())["status"] : null;
                var kept = state switch
                {
                    Live => status is not (null or "DELETING"),
                    Deleted => status is null or "DELETING",
                    _ => true,
                };
                if (!kept)
                {
                    lost.Add($"service {id} ({state}): {(int)answer.StatusCode} {status}");
                }
            }

            foreach (var (id, names) in VpcNames)
            {
                var answer = await client.GetAsync($"{project}/vpcs/{id}");
                var name = answer.StatusCode == HttpStatusCode.OK ? (string?)(await answer.ReadJsonAsync())["name"] : null;
                if (name is null || !names.Possible.Contains(name))
                {
                    lost.Add($"VPC {id}: named '{name}', acknowledged '{names.Acknowledged}'");
                }
                else
                {
                    VpcNames[id] = ([name], name);
                }
            }

            Assert.True(lost.Count == 0, $"{lost.Count} acknowledged writes lost:\n{string.Join("\n", lost.Take(20))}");
        }
    }
}
