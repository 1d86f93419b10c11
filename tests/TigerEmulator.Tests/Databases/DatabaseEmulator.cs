using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// An emulator with a real PostgreSQL server behind each service, for one test, on a port range of its own so that
/// tests running side by side never reach for the same port. Disposing it stops every server it started.
public sealed class DatabaseEmulator : IDisposable
{
    private const int PortsEach = 40;

    // Two test runs at once on one machine (two checkouts) set TIGER_TEST_PORT_BASE apart, so they never share a port.
    private static readonly int FirstPort =
        int.TryParse(Environment.GetEnvironmentVariable("TIGER_TEST_PORT_BASE"), out var firstPort) ? firstPort : 21000;
    private static int ranges;

    public DatabaseEmulator(ITestOutputHelper output, string? dataDir = null, IReadOnlyDictionary<string, string?>? settings = null, string? scenario = null)
    {
        var first = FirstPort + (Interlocked.Increment(ref ranges) % 200 * PortsEach);
        Ports = (first, first + PortsEach - 1);
        var configuration = new Dictionary<string, string?> { ["TIGER_EMULATOR_DATABASE_PORTS"] = $"{Ports.First}-{Ports.Last}" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        Factory = TigerEmulatorFactory.With(new TigerEmulatorSettings
        {
            StartTime = Emulator.Start,
            DataDirectory = dataDir,
            ScenarioText = scenario,
            Databases = true,
            Configuration = configuration,
            Log = line =>
            {
                LogLines.Enqueue(line);
                output.WriteLine(line);
            },
        });
        Client = Factory.CreateTigerClient();
        Seeder = new ResourceSeeder(Factory, Client);
    }

    public (int First, int Last) Ports { get; }

    /// A new data folder for emulators run one after the other.
    public static string NewDataFolder(string prefix)
    {
        var dataDir = Directory.CreateTempSubdirectory(prefix).FullName;

        // The servers run as the postgres account when the tests run as root: it must be able to enter the folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dataDir, (UnixFileMode)0b111_101_101);
        }

        return dataDir;
    }

    /// The emulator's log, as it was written.
    public System.Collections.Concurrent.ConcurrentQueue<string> LogLines { get; } = new();

    public TigerEmulatorFactory Factory { get; }

    public HttpClient Client { get; }

    public ResourceSeeder Seeder { get; }

    /// Creates a service and waits until its database accepts connections; returns its id and connection string
    /// (without pooling: each use is a new connection, as a server restarted under a pooled one would break it).
    public async Task<(string Id, string ConnectionString)> ReadyServiceAsync(string name = "db", string[]? addons = null)
    {
        var created = await Client.CreateServiceAsync(Factory.ProjectId, new { name, addons = addons ?? [] });
        var id = (string)created["service_id"]!;
        return (id, await Factory.ConnectionStringAsync(id, (string)created["initial_password"]!) + ";Pooling=false");
    }

    /// Forks a service and waits until the fork's database accepts connections; returns its connection string.
    public async Task<string> ForkAsync(string parentId, object body)
    {
        var response = await Client.PostAsync($"{Seeder.ServicePath(parentId)}/forkService", Api.Json(body));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var created = await response.ReadJsonAsync();
        return await Factory.ConnectionStringAsync((string)created["service_id"]!, (string)created["initial_password"]!) + ";Pooling=false";
    }

    /// Asks for a read replica set of the service, waits until it is active, and returns its id and a connection string
    /// for its own endpoint with the parent's password.
    public async Task<(string Id, string ConnectionString)> ActiveReplicaSetAsync(string serviceId, string password)
    {
        var id = await Seeder.ActiveReplicaSetAsync(serviceId);
        return (id, await ReplicaSetConnectionAsync(serviceId, id, password));
    }

    public async Task<JsonNode> ReplicaSetAsync(string serviceId, string setId) =>
        (await Client.GetJsonAsync($"{Seeder.ServicePath(serviceId)}/replicaSets")).AsArray().Single(set => (string?)set!["id"] == setId)!;

    public async Task<string> ReplicaSetConnectionAsync(string serviceId, string setId, string password)
    {
        var endpoint = (await ReplicaSetAsync(serviceId, setId))["endpoint"]!;
        return DatabaseConnection.Format((string)endpoint["host"]!, (int)endpoint["port"]!, password) + ";Pooling=false";
    }

    /// The standbys GET /_emulator/databases lists for a service (HA and read replica sets), by node.
    public async Task<List<JsonNode>> StandbysOfAsync(string serviceId) =>
        [.. (await DatabasesAsync())["standbys"]!.AsArray().Where(s => (string?)s!["service_id"] == serviceId).Select(s => s!)];

    /// Starts an action and advances emulated time until the service reaches the status.
    public async Task ActAsync(string serviceId, string action, object? body, string until)
    {
        var response = await Client.PostAsync($"{Seeder.ServicePath(serviceId)}/{action}", body is null ? null : Api.Json(body));
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.NoContent or HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await Seeder.WaitForStatusAsync(Seeder.ServicePath(serviceId), until);
    }

    public async Task<JsonNode> DatabasesAsync()
    {
        using var control = Factory.CreateClient();
        return await control.GetJsonAsync("/_emulator/databases");
    }

    public async Task<JsonNode> DatabaseOfAsync(string serviceId) =>
        (await DatabasesAsync())["databases"]!.AsArray().Single(d => (string?)d!["service_id"] == serviceId)!;

    public static async Task<T?> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T?)await command.ExecuteScalarAsync();
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// The password a connection string carries (a replica set is reached with its parent's).
    public static string PasswordOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Password!;

    /// The connection is refused by the server (a PostgreSQL error with this SQLSTATE).
    public static async Task<PostgresException> RefusedAsync(string connectionString) =>
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connectionString, "select 1"));

    /// Nothing listens: the TCP connection itself fails.
    public static async Task AssertNothingListensAsync(string connectionString)
    {
        var failure = await Assert.ThrowsAsync<NpgsqlException>(() => ExecuteAsync(connectionString, "select 1"));
        Assert.IsType<System.Net.Sockets.SocketException>(failure.InnerException);
    }

    /// Waits, up to a bound, until the condition holds.
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {seconds} s: {what}");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
