using Npgsql;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Logs;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// A scenario's `sql` for a service: run once in its database as tsdbadmin when its server first starts.
public sealed class ScenarioSqlTests(ITestOutputHelper output)
{
    private const string Password = "seeded-password-1";

    private static string Scenario(string sql) => $"""
        name: seeded-sql
        services:
          - id: sqlseed001
            name: orders-db
            status: READY
            password: {Password}
            sql: |
        {string.Join("\n", sql.Split('\n').Select(line => "      " + line))}
        """;

    private const string OrdersSql = """
        create table orders (id int primary key, item text);
        insert into orders values (1, 'tea'), (2, 'cake'), (3, 'scone');
        """;

    [Fact]
    public async Task ScenarioSql_MakesATableWithRows_OwnedByTsdbadmin_ThatAClientReads()
    {
        using var emulator = new DatabaseEmulator(output, scenario: Scenario(OrdersSql));

        var connection = await emulator.Factory.ConnectionStringAsync("sqlseed001", Password) + ";Pooling=false";

        await DatabaseEmulator.EventuallyAsync(async () => await OrdersAsync(connection) is not null, "the orders table exists");
        Assert.Equal(["tea", "cake", "scone"], await OrdersAsync(connection));
        Assert.Equal("tsdbadmin", await DatabaseEmulator.ScalarAsync<string>(connection, "select tableowner::text from pg_tables where tablename = 'orders'"));
    }

    [Fact]
    public async Task ScenarioSql_DoesNotRunAgain_WhenTheEmulatorRestartsOnTheSameDataFolder()
    {
        var dataDir = DatabaseEmulator.NewDataFolder("tiger-sql-");
        try
        {
            string connection;
            using (var first = new DatabaseEmulator(output, dataDir, scenario: Scenario(OrdersSql)))
            {
                connection = await first.Factory.ConnectionStringAsync("sqlseed001", Password) + ";Pooling=false";
                await DatabaseEmulator.EventuallyAsync(async () => await OrdersAsync(connection) is not null, "the orders table exists");
                await DatabaseEmulator.ExecuteAsync(connection, "delete from orders where id = 2");
            }

            using var second = new DatabaseEmulator(output, dataDir, scenario: Scenario(OrdersSql));
            connection = await second.Factory.ConnectionStringAsync("sqlseed001", Password) + ";Pooling=false";
            await DatabaseEmulator.EventuallyAsync(async () => await OrdersAsync(connection) is not null, "the server is back");

            Assert.Equal(["tea", "scone"], await OrdersAsync(connection));
            Assert.Equal("READY", (string?)(await second.Client.GetJsonAsync($"{second.Seeder.ServicePath("sqlseed001")}"))["status"]);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public async Task FailingScenarioSql_MakesTheServiceUnstable_WithPostgresErrorInTheEmulatorsAndTheServicesLogs()
    {
        using var emulator = new DatabaseEmulator(output, scenario: Scenario("create table kept (n int);\ninsert into missing values (1);"));

        await DatabaseEmulator.EventuallyAsync(
            async () => (string?)(await emulator.Client.GetJsonAsync(emulator.Seeder.ServicePath("sqlseed001")))["status"] == "UNSTABLE", "the service is UNSTABLE", seconds: 60);

        Assert.Contains(emulator.LogLines, line => line.Contains(
            "Database of service sqlseed001: provision failed: the scenario's sql failed: psql exited with 3: ERROR:  relation \"missing\" does not exist", StringComparison.Ordinal));
        await emulator.Factory.AdvanceAsync(TimeSpan.FromSeconds(1)); // the log's line is written a few milliseconds after the failure
        var (told, _) = await LogsClient.WalkFilteredAsync(emulator.Client, LogsClient.Path(emulator.Factory.ProjectId, "sqlseed001"), "search=scenario's%20sql%20failed");
        var line = Assert.Single(told);
        Assert.Equal("ERROR", line.Severity);
        Assert.StartsWith("database provision failed: the scenario's sql failed: psql exited with 3: ERROR:  relation \"missing\" does not exist LINE 1: insert into missing", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScenarioSql_WithDatabasesOff_IsIgnoredWithOneLogLine()
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var emulator = TigerEmulatorFactory.With(new TigerEmulatorSettings
        {
            StartTime = Emulator.Start,
            ScenarioText = Scenario(OrdersSql),
            Log = line =>
            {
                lines.Enqueue(line);
                output.WriteLine(line);
            },
        });

        var service = await emulator.CreateTigerClient().GetJsonAsync($"{Api.Project(emulator.ProjectId)}/services/sqlseed001");

        Assert.Equal("READY", (string?)service["status"]);
        Assert.Single(lines, line => line.Contains("is ignored", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("The scenario's sql of 1 service(s) is ignored: services have no database (TIGER_EMULATOR_DATABASES=off)", StringComparison.Ordinal));
    }

    // The item column in id order, or null while the table is not there yet (a seeded service is READY at once; its
    // server starts — "the database system is starting up" —, takes its password and runs the scenario's sql behind).
    private static async Task<List<string>?> OrdersAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select item from orders order by id", connection);
            await using var reader = await command.ExecuteReaderAsync();
            var items = new List<string>();
            while (await reader.ReadAsync())
            {
                items.Add(reader.GetString(0));
            }

            return items;
        }
        catch (NpgsqlException notYet) when (notYet is not PostgresException || ((PostgresException)notYet).SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.CannotConnectNow)
        {
            return null;
        }
    }
}
