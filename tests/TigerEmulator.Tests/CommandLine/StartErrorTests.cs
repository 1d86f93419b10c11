using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Net;
using System.Net.Sockets;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.CommandLine;

/// A setting the emulator cannot start with ends the process with exit code 1 and one line on stderr naming the
/// setting as the user gave it (option or variable), the value and what is accepted; no stack trace.
public sealed class StartErrorTests
{
    public static TheoryData<string[], string, string, string> BadSettings => new()
    {
        { [], "TIGER_EMULATOR_SEED", "abc", "tiger-emulator: TIGER_EMULATOR_SEED must be a whole number, not 'abc'" },
        { ["--seed", "abc"], "", "", "tiger-emulator: --seed must be a whole number, not 'abc'" },
        { ["--timing=slow"], "", "", "tiger-emulator: --timing must be one of instant, fast, realistic, not 'slow'" },
        { [], "TIGER_EMULATOR_CLOCK", "frozen", "tiger-emulator: TIGER_EMULATOR_CLOCK must be one of realtime, manual, not 'frozen'" },
        { ["--clock-speed", "0"], "", "", "tiger-emulator: --clock-speed must be a number above 0, not '0'" },
        { [], "TIGER_EMULATOR_JOURNAL_SIZE", "-1", "tiger-emulator: TIGER_EMULATOR_JOURNAL_SIZE must be a whole number of 0 or more, not '-1'" },
        { ["--port", "70000"], "", "", "tiger-emulator: --port must be a port number from 1 to 65535, not '70000'" },
        { [], "TIGER_EMULATOR_PORT", "http", "tiger-emulator: TIGER_EMULATOR_PORT must be a port number from 1 to 65535, not 'http'" },
        { ["--log-format", "xml"], "", "", "tiger-emulator: --log-format must be text or json, not 'xml'" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task BadSetting_ExitsWithOneLineNamingTheSettingTheValueAndWhatIsAccepted(string[] arguments, string variable, string value, string expected)
    {
        var environment = variable.Length == 0 ? null : new Dictionary<string, string?> { [variable] = value };
        await using var emulator = EmulatorProcess.Start(arguments, environment);

        Assert.Equal(1, await emulator.ExitCodeAsync());
        Assert.Equal(expected + "\n", emulator.StandardError);
    }

    [Fact]
    public async Task UnusableDataFolder_ExitsWithOneLineNamingTheVariable()
    {
        await using var emulator = EmulatorProcess.Start([], new Dictionary<string, string?> { ["TIGER_EMULATOR_DATA_DIR"] = "/proc/nope" });

        Assert.Equal(1, await emulator.ExitCodeAsync());
        var line = Assert.Single(emulator.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("tiger-emulator: TIGER_EMULATOR_DATA_DIR '/proc/nope' cannot be used: ", line);
        Assert.EndsWith("; give a folder the emulator can create and write", line);
    }

    [SkippableFact]
    public async Task DataFolderTheDatabaseAccountMayNotEnter_WithDatabasesOn_ExitsWithOneLineNamingTheFolderToOpen()
    {
        Skip.IfNot(Environment.UserName == "root", "only an emulator running as root runs its servers as another account");
        // Like `mktemp -d`, this makes a folder only its owner may enter (mode 0700). Before, every service's server
        // failed in it, one by one, as the services were created.
        var closed = Directory.CreateTempSubdirectory("tiger-start-closed-").FullName;
        try
        {
            var data = Path.Combine(closed, "data");
            await using var emulator = EmulatorProcess.Start(["--data-dir", data], new Dictionary<string, string?> { ["TIGER_EMULATOR_DATABASES"] = "on" });

            Assert.Equal(1, await emulator.ExitCodeAsync());
            Assert.Equal(
                $"tiger-emulator: --data-dir '{data}' cannot hold the databases: the database servers run as the 'postgres' account (PostgreSQL refuses root), "
                + $"which may not enter '{closed}'; let it (chmod o+x '{closed}'), choose another folder, or set TIGER_EMULATOR_DATABASES=off\n",
                emulator.StandardError);
        }
        finally
        {
            Directory.Delete(closed, recursive: true);
        }
    }

    [SkippableFact]
    public async Task DataFolderTheDatabaseAccountMayNotEnter_WithDatabasesAuto_StartsWithoutDatabases_SayingWhy()
    {
        Skip.IfNot(Environment.UserName == "root", "only an emulator running as root runs its servers as another account");
        var closed = Directory.CreateTempSubdirectory("tiger-start-closed-").FullName;
        try
        {
            var port = EmulatorProcess.FreeLoopbackPort();
            await using var emulator = EmulatorProcess.Start(["--data-dir", Path.Combine(closed, "data"), "--host", "127.0.0.1", "--port", $"{port}"]);
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await emulator.WaitUntilAnsweringAsync(client, "/_emulator/health");

            var databases = await client.GetFromJsonAsync<JsonObject>("/_emulator/databases");

            Assert.False((bool)databases!["enabled"]!);
            Assert.Equal(
                $"services have no database: the database servers run as the 'postgres' account (PostgreSQL refuses root), which may not enter '{closed}' "
                + $"(chmod o+x '{closed}', or another TIGER_EMULATOR_DATA_DIR; TIGER_EMULATOR_DATABASES=on makes this an error)",
                (string?)databases["description"]);
        }
        finally
        {
            Directory.Delete(closed, recursive: true);
        }
    }

    [Fact]
    public async Task DamagedDataFile_ExitsWithOneLineNamingTheOptionAndTheWayOut()
    {
        var folder = Directory.CreateTempSubdirectory("tiger-start-damaged-").FullName;
        try
        {
            var data = Path.Combine(folder, TigerEmulator.Storage.EmulatorDatabase.FileName);
            File.WriteAllText(data, "not LiteDB");
            await using var emulator = EmulatorProcess.Start(["--data-dir", folder]);

            Assert.Equal(1, await emulator.ExitCodeAsync());
            Assert.Equal(
                $"tiger-emulator: --data-dir: {data} is not a LiteDB file (10 bytes that do not start as one); nothing was changed. "
                + $"To start afresh, move it aside: mv '{data}' '{data}.damaged'\n",
                emulator.StandardError);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task UnknownScenarioName_ExitsWithOneLineNamingTheOptionAndTheKnownScenarios()
    {
        await using var emulator = EmulatorProcess.Start(["--scenario", "nope"]);

        Assert.Equal(1, await emulator.ExitCodeAsync());
        var line = Assert.Single(emulator.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("tiger-emulator: --scenario: No scenario named 'nope': looked for nope.yml, .yaml and .json in ", line);
        Assert.EndsWith("known scenarios: default, demo, flaky-api, peering-failure, rate-limited, slow-provisioning, unstable-service", line);
    }

    [Fact]
    public async Task BrokenScenarioFile_ExitsWithOneLineNamingTheFileLineAndField()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Scenarios", "Malformed", "probability-above-one.yml");
        await using var emulator = EmulatorProcess.Start([], new Dictionary<string, string?> { ["TIGER_EMULATOR_SCENARIO"] = path });

        Assert.Equal(1, await emulator.ExitCodeAsync());
        var line = Assert.Single(emulator.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"tiger-emulator: TIGER_EMULATOR_SCENARIO: {path}, line ", line);
        Assert.EndsWith("'faults[0].probability' must be between 0 and 1, not 1.5", line);
    }

    [Fact]
    public async Task PortInUse_ExitsWithOneLineNamingTheOptionThatChoseIt()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using var emulator = EmulatorProcess.Start(["--host", "127.0.0.1", "--port", port.ToString()]);

        Assert.Equal(1, await emulator.ExitCodeAsync());
        Assert.Equal(
            $"tiger-emulator: cannot listen where --port says (http://127.0.0.1:{port}): Address already in use; choose another port with --port or --urls\n",
            emulator.StandardError);
        Assert.DoesNotContain("   at ", emulator.StandardOutput);
    }

    [Theory]
    [InlineData("--bogus", "tiger-emulator: unknown option '--bogus'; see tiger-emulator --help")]
    [InlineData("--port", "tiger-emulator: --port needs a value; see tiger-emulator --help")]
    [InlineData("serve", "tiger-emulator: unexpected argument 'serve'; see tiger-emulator --help")]
    public async Task RefusedCommandLine_ExitsWith2AndTheHelpHint(string argument, string expected)
    {
        await using var emulator = EmulatorProcess.Start([argument]);

        Assert.Equal(2, await emulator.ExitCodeAsync());
        Assert.Equal(expected + "\n", emulator.StandardError);
        Assert.Equal("", emulator.StandardOutput);
    }

    [Fact]
    public async Task UrlsAndPortTogether_AreRefusedWithTheHelpHint()
    {
        await using var emulator = EmulatorProcess.Start(["--urls", "http://127.0.0.1:1", "--port", "2"]);

        Assert.Equal(2, await emulator.ExitCodeAsync());
        Assert.Equal("tiger-emulator: give --urls or --port/--https-port, not both; see tiger-emulator --help\n", emulator.StandardError);
    }
}
