using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TigerEmulator.Databases;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// Read-only sessions as the cloud defines them, made so by the emulator's database front: opened with
/// tsdb_admin.read_only_connection=true in the options, or by a role with tsdb_admin.read_only_role = true.
[Trait("Category", "Database")]
public sealed class ReadOnlySessionTests(ITestOutputHelper output)
{
    private const string Refusal =
        "cannot make a read-only session read-write: it was opened with tsdb_admin.read_only_connection or by a role with tsdb_admin.read_only_role";

    /// Every way a client could turn the session read-write by its own statement (Npgsql sends each as a Parse).
    public static readonly string[] UndoForms =
    [
        "SET default_transaction_read_only = off",
        "set session default_transaction_read_only to off",
        "RESET default_transaction_read_only",
        "SET transaction_read_only = off",
        "SET LOCAL transaction_read_only TO off",
        "RESET ALL",
        "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
        "SET TRANSACTION READ WRITE",
        "BEGIN READ WRITE",
        "START TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ WRITE",
        "select set_config('default_transaction_read_only', 'off', false)",
        "SELECT pg_catalog.set_config('transaction_read_only', 'off', true)",
        "set /* hidden */ \"default_transaction_read_only\" = off",
    ];

    [Theory]
    [InlineData("-c tsdb_admin.read_only_connection=true")]
    [InlineData("--tsdb_admin.read_only_connection=true")]
    public async Task ReadOnlyConnection_CannotInsert_AndEveryUndoIsRefused(string options)
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, connection) = await emulator.ReadyServiceAsync();
        await DatabaseEmulator.ExecuteAsync(connection, "create table notes(n int)");

        await AssertReadOnlyAsync(new NpgsqlConnectionStringBuilder(connection) { Options = options }.ConnectionString);
    }

    [Fact]
    public async Task ConnectionWithoutTheOption_WritesAsUsual()
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, connection) = await emulator.ReadyServiceAsync();

        await DatabaseEmulator.ExecuteAsync(
            new NpgsqlConnectionStringBuilder(connection) { Options = "-c tsdb_admin.read_only_connection=false" }.ConnectionString,
            "create table notes(n int); insert into notes values (1); set default_transaction_read_only = off");
        Assert.Equal(1L, await DatabaseEmulator.ScalarAsync<long>(connection, "select count(*) from notes"));
    }

    [Fact]
    public async Task ReadOnlyRole_CannotInsert_AndEveryUndoIsRefused()
    {
        using var emulator = new DatabaseEmulator(output);
        var (id, connection) = await emulator.ReadyServiceAsync();

        // PostgreSQL 15 lets only a superuser set a placeholder parameter on a role, unless it is granted: the grant
        // the service's template is to carry (the roles work of issue 15), made here as the emulator's superuser.
        var server = emulator.Factory.Services.GetRequiredService<DatabaseFleet>().Find(id)!;
        await server.RunSqlAsync("grant set on parameter tsdb_admin.read_only_role to tsdbadmin with grant option;\n", new Dictionary<string, string>(), CancellationToken.None, "tsdb");
        await DatabaseEmulator.ExecuteAsync(connection, """
            create table notes(n int);
            create role reader login password 'reader-password';
            grant select, insert on notes to reader;
            alter role reader set tsdb_admin.read_only_role = true;
            """);

        var reader = new NpgsqlConnectionStringBuilder(connection) { Username = "reader", Password = "reader-password" }.ConnectionString;
        await AssertReadOnlyAsync(reader);
    }

    [Fact]
    public async Task Psql_WithSslmodeRequire_Connects_AndASimpleQueryUndoIsRefused()
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, connection) = await emulator.ReadyServiceAsync();
        var builder = new NpgsqlConnectionStringBuilder(connection);
        var url = $"postgresql://tsdbadmin@127.0.0.1:{builder.Port}/tsdb?sslmode=require";

        var (code, text) = await PsqlAsync(url, builder.Password!, "select 'through the front'");
        Assert.Equal((0, "through the front"), (code, text.Trim()));

        (code, text) = await PsqlAsync(url + "&options=-c%20tsdb_admin.read_only_connection%3Dtrue", builder.Password!, "SET default_transaction_read_only = off; select 1");
        Assert.Equal(1, code);
        Assert.Contains($"ERROR:  {Refusal}", text);
    }

    private static async Task AssertReadOnlyAsync(string readOnly)
    {
        await using var session = new NpgsqlConnection(readOnly);
        await session.OpenAsync();
        await AssertInsertRefusedAsync(session);
        foreach (var form in UndoForms)
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand(form, session).ExecuteNonQueryAsync());
            Assert.True((refused.SqlState, refused.MessageText) == ("25006", Refusal), $"{form}: {refused.SqlState} {refused.MessageText}");
            Assert.Equal(1, await new NpgsqlCommand("select 1", session).ExecuteScalarAsync());
        }

        Assert.Equal("on", await new NpgsqlCommand("show default_transaction_read_only", session).ExecuteScalarAsync());
        await AssertInsertRefusedAsync(session);
    }

    private static async Task AssertInsertRefusedAsync(NpgsqlConnection session)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => new NpgsqlCommand("insert into notes values (1)", session).ExecuteNonQueryAsync());
        Assert.Equal(("25006", "cannot execute INSERT in a read-only transaction"), (refused.SqlState, refused.MessageText));
    }

    private static async Task<(int Code, string Output)> PsqlAsync(string url, string password, string sql)
    {
        var start = new System.Diagnostics.ProcessStartInfo("psql", ["-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql, url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = password;
        start.Environment["PGCONNECT_TIMEOUT"] = "10";
        using var psql = System.Diagnostics.Process.Start(start)!;
        var stdout = psql.StandardOutput.ReadToEndAsync();
        var stderr = psql.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await psql.WaitForExitAsync(bound.Token);
        return (psql.ExitCode, await stdout + await stderr);
    }
}
