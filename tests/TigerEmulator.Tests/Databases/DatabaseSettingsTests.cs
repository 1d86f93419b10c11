using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// Whether services get a database is decided at start: off in the Testing kit unless a test asks, and a setting that
/// cannot work stops the start with one line that names it.
[Collection(StartFailures.Name)]
public sealed class DatabaseSettingsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TheKitsDefault_HasNoDatabases_AndServicesKeepTheMadeUpEndpoint()
    {
        using var emulator = new SeededEmulator(output);
        using var control = emulator.Factory.CreateClient();

        var databases = await control.GetJsonAsync("/_emulator/databases");
        var created = await emulator.Client.CreateServiceAsync(emulator.Factory.ProjectId);

        Assert.Equal(
            """{"enabled":false,"description":"services have no database (TIGER_EMULATOR_DATABASES=off)","pooler":{"enabled":false,"description":"no pooler: services have no database"},"databases":[],"standbys":[]}""",
            databases.ToJsonString());
        Assert.EndsWith(".tsdb.cloud.timescale.com", (string)created["endpoint"]!["host"]!);
    }

    [Fact]
    public void BinariesFolderPointingAtNothing_FailsTheStart_SayingWhereItLooked()
    {
        AssertStartRefused(
            new() { ["TIGER_EMULATOR_POSTGRES_BIN"] = "/nowhere/bin" },
            "No PostgreSQL server programs (initdb, pg_ctl, postgres) found for TIGER_EMULATOR_DATABASES=on; looked in: /nowhere/bin "
            + "(set TIGER_EMULATOR_POSTGRES_BIN to their folder, or TIGER_EMULATOR_DATABASES=off)");
    }

    [Fact]
    public void PgBouncerSettingPointingAtNothing_FailsTheStart_NamingIt()
    {
        AssertStartRefused(
            new() { ["TIGER_EMULATOR_PGBOUNCER_BIN"] = "/nowhere/pgbouncer" },
            "No pgbouncer program at TIGER_EMULATOR_PGBOUNCER_BIN=/nowhere/pgbouncer (name the program or its folder, or unset it)");
    }

    [Theory]
    [InlineData("TIGER_EMULATOR_DATABASE_PORTS", "16000-15000", "TIGER_EMULATOR_DATABASE_PORTS must be a range of ports such as 15432-15999 (first below last, 1024-65535), not '16000-15000'")]
    [InlineData("TIGER_EMULATOR_MAX_DATABASES", "0", "TIGER_EMULATOR_MAX_DATABASES must be a whole number above 0, not '0'")]
    [InlineData("TIGER_EMULATOR_DATABASES", "sometimes", "TIGER_EMULATOR_DATABASES must be one of auto, on, off, not 'sometimes'")]
    public void ABadSetting_FailsTheStart_NamingIt(string key, string value, string message) =>
        AssertStartRefused(new() { [key] = value }, message);

    // The start fails, and the emulator's log carries the refusal as one line. (The exception CreateClient rethrows is
    // not asserted: when another test host fails at the same moment, WebApplicationFactory may rethrow an
    // ObjectDisposedException in its place.)
    private void AssertStartRefused(Dictionary<string, string?> settings, string message)
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var factory = TigerEmulatorFactory.With(new TigerEmulatorSettings
        {
            StartTime = Emulator.Start,
            Databases = true,
            Configuration = settings,
            Log = line =>
            {
                lines.Enqueue(line);
                output.WriteLine(line);
            },
        });

        Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(lines, line => line.Contains($"System.InvalidOperationException: {message}{Environment.NewLine}", StringComparison.Ordinal) || line.EndsWith($"System.InvalidOperationException: {message}", StringComparison.Ordinal));
    }
}
