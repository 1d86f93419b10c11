using System.Text.Json.Nodes;
using TigerEmulator.Tests.Logs;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// The extensions a service's type implies: created in tsdb where the binaries have them (TIMESCALEDB's preloaded),
/// told where they do not. This machine's PostgreSQL 15 (Debian bookworm) has neither timescaledb nor vector, so the
/// missing path runs on it as it is; the present path runs on a private copy of its tree holding stand-ins.
[Trait("Category", "Database")]
public sealed class ServiceExtensionTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("time-series", "TIMESCALEDB", "timescaledb")]
    [InlineData("ai", "VECTOR", "vector")]
    public async Task WhereTheBinariesLackTheTypesExtension_TheServiceRuns_AndTheEmulatorSaysWhatIsMissing(string addon, string type, string extension)
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync(addons: [addon]);

        Assert.Equal(1, await DatabaseEmulator.ScalarAsync<int>(connection, "select 1"));
        Assert.Equal("plpgsql", await DatabaseEmulator.ScalarAsync<string>(connection, "select string_agg(extname, ',' order by extname) from pg_extension"));
        Assert.Equal("", await PreloadedAsync(emulator, id));
        AssertExtensions((await emulator.DatabaseOfAsync(id))["extensions"]!, installed: [], missing: [extension]);
        Assert.Contains(emulator.LogLines, line => line.Contains(
            $"Database of service {id}: extension {extension} is not installed here (no {extension}.control in ", StringComparison.Ordinal)
            && line.EndsWith($"); the {type} service runs without it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APostgresService_HasNeitherExtension_AndNothingIsMissing()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();

        Assert.Equal("plpgsql", await DatabaseEmulator.ScalarAsync<string>(connection, "select string_agg(extname, ',' order by extname) from pg_extension"));
        AssertExtensions((await emulator.DatabaseOfAsync(id))["extensions"]!, installed: [], missing: []);
        Assert.DoesNotContain(emulator.LogLines, line => line.Contains($"Database of service {id}: extension", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheBanner_HasOneLineNamingTheMissingExtensions()
    {
        using var emulator = new DatabaseEmulator(output);
        await emulator.DatabasesAsync();

        var line = Assert.Single(emulator.LogLines, line => line.Contains("Extensions not installed", StringComparison.Ordinal));

        Assert.Contains(
            "Extensions not installed for these PostgreSQL binaries: timescaledb (for TIMESCALEDB services), vector (for VECTOR services); those services run without them (looked in ",
            line,
            StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line.TrimEnd());
    }

    // The WARNING is the server's own, read from its log into the service's.
    [Fact]
    public async Task WhereTheBinariesLackTimescaledb_TheServicesLogsHaveAWarningSayingSo()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, _) = await emulator.ReadyServiceAsync(addons: ["time-series"]);

        var told = new List<WalkedEntry>();
        await DatabaseEmulator.EventuallyAsync(
            async () =>
            {
                (told, _) = await LogsClient.WalkFilteredAsync(emulator.Client, LogsClient.Path(emulator.Factory.ProjectId, id), "severities=WARNING&search=extension%20%22timescaledb%22%20is%20not%20installed");
                return told.Count > 0;
            },
            "the service's logs have the server's warning");

        var entry = told[0];
        Assert.Equal("WARNING", entry.Severity);
        Assert.StartsWith("extension \"timescaledb\" is not installed here (no timescaledb.control in ", entry.Message, StringComparison.Ordinal);
        // Its first line: the server adds where the warning was raised (CONTEXT) below it.
        Assert.EndsWith("); this TIMESCALEDB service runs without it", entry.Message.Split('\n')[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("time-series", "timescaledb", "timescaledb")]
    [InlineData("ai", "vector", "")]
    public async Task WhereTheBinariesHaveTheTypesExtension_ItIsCreatedInTsdb_AndTimescaledbIsPreloaded(string addon, string extension, string preloaded)
    {
        var bin = await PostgresTreeWithExtensions.BinFolderAsync();
        using var emulator = new DatabaseEmulator(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_POSTGRES_BIN"] = bin });
        var (id, connection) = await emulator.ReadyServiceAsync(addons: [addon]);

        Assert.Equal($"plpgsql,{extension}", await DatabaseEmulator.ScalarAsync<string>(connection, "select string_agg(extname, ',' order by extname) from pg_extension"));
        Assert.Equal(extension, await DatabaseEmulator.ScalarAsync<string>(connection, $"select {extension}_stand_in()"));
        Assert.Equal(preloaded, await PreloadedAsync(emulator, id));
        Assert.Equal(preloaded != "", await StandInLoadedAsync(connection));
        AssertExtensions((await emulator.DatabaseOfAsync(id))["extensions"]!, installed: [extension], missing: []);
        Assert.DoesNotContain(emulator.LogLines, line => line.Contains("Extensions not installed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStoppedAndStartedService_KeepsItsExtension_AndItsPreload()
    {
        var bin = await PostgresTreeWithExtensions.BinFolderAsync();
        using var emulator = new DatabaseEmulator(output, settings: new Dictionary<string, string?> { ["TIGER_EMULATOR_POSTGRES_BIN"] = bin });
        var (id, connection) = await emulator.ReadyServiceAsync(addons: ["time-series"]);

        await emulator.ActAsync(id, "stop", null, "PAUSED");
        await emulator.ActAsync(id, "start", null, "READY");

        Assert.Equal("plpgsql,timescaledb", await DatabaseEmulator.ScalarAsync<string>(connection, "select string_agg(extname, ',' order by extname) from pg_extension"));
        Assert.Equal("timescaledb", await PreloadedAsync(emulator, id));
        Assert.True(await StandInLoadedAsync(connection));
    }

    // tsdbadmin may not read shared_preload_libraries: the setting is read where the emulator wrote it.
    private static async Task<string> PreloadedAsync(DatabaseEmulator emulator, string id)
    {
        var config = File.ReadAllLines(Path.Combine((string)(await emulator.DatabaseOfAsync(id))["data_folder"]!, "emulator.conf"));
        return Assert.Single(config, line => line.StartsWith("shared_preload_libraries = ", StringComparison.Ordinal))["shared_preload_libraries = ".Length..].Trim('\'');
    }

    // The stand-in library is auto_explain under another name: its settings exist only once the server has loaded it.
    private static async Task<bool> StandInLoadedAsync(string connection) =>
        await DatabaseEmulator.ScalarAsync<bool>(connection, "select current_setting('auto_explain.log_min_duration', true) is not null");

    private static void AssertExtensions(JsonNode extensions, string[] installed, string[] missing)
    {
        Assert.Equal(installed, extensions["installed"]!.AsArray().Select(e => (string)e!));
        Assert.Equal(missing, extensions["missing"]!.AsArray().Select(e => (string)e!));
    }
}
