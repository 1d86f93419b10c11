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
            """{"enabled":false,"description":"services have no database (TIGER_EMULATOR_DATABASES=off)","databases":[]}""",
            databases.ToJsonString());
        Assert.EndsWith(".tsdb.cloud.timescale.com", (string)created["endpoint"]!["host"]!);
    }

    [Fact]
    public void BinariesFolderPointingAtNothing_FailsTheStart_SayingWhereItLooked()
    {
        using var factory = Start(new() { ["TIGER_EMULATOR_POSTGRES_BIN"] = "/nowhere/bin" });

        var failure = Refusal(factory);

        Assert.Equal(
            "No PostgreSQL server programs (initdb, pg_ctl, postgres) found for TIGER_EMULATOR_DATABASES=on; looked in: /nowhere/bin "
            + "(set TIGER_EMULATOR_POSTGRES_BIN to their folder, or TIGER_EMULATOR_DATABASES=off)",
            failure.Message);
    }

    [Theory]
    [InlineData("TIGER_EMULATOR_DATABASE_PORTS", "16000-15000", "TIGER_EMULATOR_DATABASE_PORTS must be a range of ports such as 15432-15999 (first below last, 1024-65535), not '16000-15000'")]
    [InlineData("TIGER_EMULATOR_MAX_DATABASES", "0", "TIGER_EMULATOR_MAX_DATABASES must be a whole number above 0, not '0'")]
    [InlineData("TIGER_EMULATOR_DATABASES", "sometimes", "TIGER_EMULATOR_DATABASES must be one of auto, on, off, not 'sometimes'")]
    public void ABadSetting_FailsTheStart_NamingIt(string key, string value, string message)
    {
        using var factory = Start(new() { [key] = value });

        var failure = Refusal(factory);

        Assert.Equal(message, failure.Message);
    }

    // The host's start fails with the refusal, however the hosting layers wrap it.
    private static InvalidOperationException Refusal(TigerEmulatorFactory factory)
    {
        Exception? thrown = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        while (thrown is not null and not InvalidOperationException)
        {
            thrown = thrown.InnerException;
        }

        return Assert.IsType<InvalidOperationException>(thrown);
    }

    private TigerEmulatorFactory Start(Dictionary<string, string?> settings) =>
        TigerEmulatorFactory.With(new TigerEmulatorSettings { StartTime = Emulator.Start, Databases = true, Configuration = settings, Log = output.WriteLine });
}
