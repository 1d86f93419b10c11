using Npgsql;
using TigerEmulator.Databases;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Databases;

/// `tiger db create role` against a service's database: the CLI's own statements (see <see cref="CliCreateRole"/>)
/// through Npgsql with SslMode=Require, as tsdbadmin, and what the role it makes can and cannot do. Refusals of a
/// write by a role that holds no write privilege answer PostgreSQL's "permission denied"; with the connection front
/// (branch i15-front) such a session is read-only first, and the same INSERT is refused as a read-only transaction's.
[Trait("Category", "Database")]
public sealed class ReadOnlyRoleTests(ITestOutputHelper output)
{
    private const string Password = "s3cret-Pa55-for-the-role";

    [Fact]
    public async Task ReadOnly_MakesALoginRole_MarkedReadOnly_ThatConnects()
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, admin) = await emulator.ReadyServiceAsync();
        var role = new CliCreateRole("ai_analyst", Password, ReadOnly: true);

        await role.RunAsync(admin);

        Assert.Equal("{tsdb_admin.read_only_role=true}", await DatabaseEmulator.ScalarAsync<string>(admin, "select rolconfig::text from pg_roles where rolname = 'ai_analyst' and rolcanlogin"));
        Assert.Equal("ai_analyst", await DatabaseEmulator.ScalarAsync<string>(role.ConnectionOf(admin), "select current_user"));
        Assert.Equal("true", await DatabaseEmulator.ScalarAsync<string>(role.ConnectionOf(admin), "show tsdb_admin.read_only_role"));
    }

    [Fact]
    public async Task FromTsdbadminReadOnly_ReadsTsdbadminsTable_HoldsNoWritePrivilege_AndAnInsertIsRefused()
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, admin) = await emulator.ReadyServiceAsync();
        await DatabaseEmulator.ExecuteAsync(admin, "create table readings(n int); insert into readings values (1), (2)");
        var role = new CliCreateRole("ai_analyst", Password, ReadOnly: true, From: "tsdbadmin");

        await role.RunAsync(admin);

        Assert.Equal(2L, await DatabaseEmulator.ScalarAsync<long>(role.ConnectionOf(admin), "select count(*) from readings"));
        Assert.Equal(
            "{bare_roles,pg_read_all_data}",
            await DatabaseEmulator.ScalarAsync<string>(admin, "select array_agg(b.rolname order by b.rolname)::text from pg_auth_members m join pg_roles b on b.oid = m.roleid join pg_roles r on r.oid = m.member where r.rolname = 'ai_analyst'"));
        Assert.False(await DatabaseEmulator.ScalarAsync<bool>(
            admin, "select has_table_privilege('ai_analyst', 'readings', 'INSERT') or has_table_privilege('ai_analyst', 'readings', 'UPDATE') or has_table_privilege('ai_analyst', 'readings', 'DELETE') or has_schema_privilege('ai_analyst', 'public', 'CREATE') or has_database_privilege('ai_analyst', 'tsdb', 'CREATE')"));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => DatabaseEmulator.ExecuteAsync(role.ConnectionOf(admin), "insert into readings values (3)"));
        AssertOneOf(refused, ("42501", "permission denied for table readings"), ("25006", "cannot execute INSERT in a read-only transaction"));
        Assert.Equal(2L, await DatabaseEmulator.ScalarAsync<long>(admin, "select count(*) from readings"));
    }

    [Fact]
    public async Task FromTsdbadminReadOnly_TheRoleCannotTakeItsMarkOff()
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, admin) = await emulator.ReadyServiceAsync();
        var role = new CliCreateRole("ai_analyst", Password, ReadOnly: true, From: "tsdbadmin");
        await role.RunAsync(admin);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => DatabaseEmulator.ExecuteAsync(role.ConnectionOf(admin), "alter role ai_analyst reset tsdb_admin.read_only_role"));

        AssertOneOf(refused, ("42501", "permission denied to set parameter \"tsdb_admin.read_only_role\""), ("25006", "cannot execute ALTER ROLE in a read-only transaction"));
        Assert.Equal("{tsdb_admin.read_only_role=true}", await DatabaseEmulator.ScalarAsync<string>(admin, "select rolconfig::text from pg_roles where rolname = 'ai_analyst'"));
    }

    // Needs the connection front (branch i15-front): the role holds its parent role's INSERT privilege, and only the
    // read-only session the front opens for a role marked read-only refuses the write.
    [Fact]
    public async Task FromAnotherRoleReadOnly_ReadsItsInheritedTable_ButCannotInsertIntoIt()
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, admin) = await emulator.ReadyServiceAsync();
        await DatabaseEmulator.ExecuteAsync(admin, "create role app_role; create table orders(n int); insert into orders values (1); grant select, insert on orders to app_role");
        var role = new CliCreateRole("ai_analyst", Password, ReadOnly: true, From: "app_role");

        await role.RunAsync(admin);

        Assert.Equal(1L, await DatabaseEmulator.ScalarAsync<long>(role.ConnectionOf(admin), "select count(*) from orders"));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => DatabaseEmulator.ExecuteAsync(role.ConnectionOf(admin), "insert into orders values (2)"));
        Assert.Equal(("25006", "cannot execute INSERT in a read-only transaction"), (refused.SqlState, refused.MessageText));
    }

    // Needs the connection front (branch i15-front), as above: a plain --read-only role granted INSERT afterwards.
    [Fact]
    public async Task ReadOnly_AnInsertIsRefused_EvenWithTheInsertPrivilegeGranted()
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, admin) = await emulator.ReadyServiceAsync();
        var role = new CliCreateRole("ai_analyst", Password, ReadOnly: true);
        await role.RunAsync(admin);
        await DatabaseEmulator.ExecuteAsync(admin, "create table notes(n int); grant select, insert on notes to ai_analyst");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => DatabaseEmulator.ExecuteAsync(role.ConnectionOf(admin), "insert into notes values (1)"));

        Assert.Equal(("25006", "cannot execute INSERT in a read-only transaction"), (refused.SqlState, refused.MessageText));
    }

    [Fact]
    public async Task ReadOnlyWithStatementTimeout30s_TheRolesSessionsHaveIt()
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, admin) = await emulator.ReadyServiceAsync();
        var role = new CliCreateRole("ai_analyst", Password, ReadOnly: true, StatementTimeout: TimeSpan.FromSeconds(30));

        await role.RunAsync(admin);

        Assert.Equal("30s", await DatabaseEmulator.ScalarAsync<string>(role.ConnectionOf(admin), "show statement_timeout"));
        Assert.Equal("{tsdb_admin.read_only_role=true,statement_timeout=30000}", await DatabaseEmulator.ScalarAsync<string>(admin, "select rolconfig::text from pg_roles where rolname = 'ai_analyst'"));
    }

    [Fact]
    public async Task CreateBareReadonlyRole_ForARoleThatExists_IsRefused_AndNoPartOfTheErrorHoldsThePassword()
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, admin) = await emulator.ReadyServiceAsync();
        await new CliCreateRole("ai_analyst", Password, ReadOnly: true, From: "tsdbadmin").RunAsync(admin);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => new CliCreateRole("ai_analyst", "an0ther-Secret", ReadOnly: true, From: "tsdbadmin").RunAsync(admin));

        Assert.Equal(("42710", "role \"ai_analyst\" already exists"), (refused.SqlState, refused.MessageText));
        Assert.DoesNotContain("an0ther-Secret", $"{refused.MessageText} {refused.Detail} {refused.Hint} {refused.Where} {refused.InternalQuery}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHelpers_RefuseAMissingNameOrPassword_AndAnUnknownRole()
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, admin) = await emulator.ReadyServiceAsync();

        var nameless = await Assert.ThrowsAsync<PostgresException>(() => DatabaseEmulator.ExecuteAsync(admin, "select timescale_functions.create_bare_readonly_role('', 'x')"));
        var unknown = await Assert.ThrowsAsync<PostgresException>(() => DatabaseEmulator.ExecuteAsync(admin, "select timescale_functions.grant_tsdbadmin_to_role('nobody')"));

        Assert.Equal(("22004", "a read-only role needs a name and a password"), (nameless.SqlState, nameless.MessageText));
        Assert.Equal(("42704", "role \"nobody\" does not exist"), (unknown.SqlState, unknown.MessageText));
    }

    [Fact]
    public async Task TheHelpers_AreTsdbadminsAlone_AReadOnlyRoleCannotCallThem()
    {
        using var emulator = new DatabaseEmulator(output);
        var (_, admin) = await emulator.ReadyServiceAsync();
        var role = new CliCreateRole("ai_analyst", Password, ReadOnly: true, From: "tsdbadmin");
        await role.RunAsync(admin);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => DatabaseEmulator.ExecuteAsync(role.ConnectionOf(admin), "select timescale_functions.grant_tsdbadmin_to_role('ai_analyst')"));

        Assert.Equal(("42501", "permission denied for function grant_tsdbadmin_to_role"), (refused.SqlState, refused.MessageText));
        Assert.Equal(
            "create_bare_readonly_role search_path=pg_catalog, pg_temp|grant_tsdbadmin_to_role search_path=pg_catalog, pg_temp",
            await DatabaseEmulator.ScalarAsync<string>(admin, "select string_agg(p.proname || ' ' || array_to_string(p.proconfig, ','), '|' order by p.proname) from pg_proc p where p.pronamespace = 'timescale_functions'::regnamespace and p.prosecdef"));
    }

    [Fact]
    public async Task AFork_KeepsTheHelpersAndTheRoles()
    {
        using var emulator = new DatabaseEmulator(output);
        var (parentId, admin) = await emulator.ReadyServiceAsync("parent");
        await DatabaseEmulator.ExecuteAsync(admin, "create table readings(n int); insert into readings values (1)");
        var role = new CliCreateRole("ai_analyst", Password, ReadOnly: true, From: "tsdbadmin");
        await role.RunAsync(admin);

        var fork = await emulator.ForkAsync(parentId, new { name = "fork", fork_strategy = "NOW" });

        Assert.Equal(1L, await DatabaseEmulator.ScalarAsync<long>(role.ConnectionOf(fork), "select count(*) from readings"));
        var second = new CliCreateRole("second_analyst", Password, ReadOnly: true, From: "tsdbadmin");
        await second.RunAsync(fork);
        Assert.Equal(1L, await DatabaseEmulator.ScalarAsync<long>(second.ConnectionOf(fork), "select count(*) from readings"));
    }

    [Fact]
    public async Task AClusterWithoutTheHelpers_FoundInADataFolder_GetsThemAtItsNextStart()
    {
        var dataDir = DatabaseEmulator.NewDataFolder("tiger-db-roles-");
        try
        {
            string id;
            string admin;
            using (var first = new DatabaseEmulator(output, dataDir))
            {
                (id, admin) = await first.ReadyServiceAsync();
                var data = (string)(await first.DatabaseOfAsync(id))["data_folder"]!;
                await first.ActAsync(id, "stop", null, "PAUSED");

                // What a cluster made before the helpers existed lacks, taken away in single-user mode with the server down.
                var printed = await new ServerAccount().RunAsync(
                    PostgresBinaries.Find(null, out _)!.Postgres, ["--single", "-j", "-D", data, "tsdb"], CancellationToken.None,
                    input: "DROP SCHEMA timescale_functions CASCADE;\n\nDROP ROLE bare_roles;\n\nREVOKE SET ON PARAMETER tsdb_admin.read_only_role FROM tsdbadmin;\n\n");
                Assert.DoesNotContain("ERROR", printed, StringComparison.Ordinal);
            }

            using var second = new DatabaseEmulator(output, dataDir, new Dictionary<string, string?>());
            await second.ActAsync(id, "start", null, "READY");
            await DatabaseEmulator.ExecuteAsync(admin, "create table readings(n int); insert into readings values (1)");
            var role = new CliCreateRole("ai_analyst", Password, ReadOnly: true, From: "tsdbadmin");
            await role.RunAsync(admin);
            await new CliCreateRole("plain_analyst", Password, ReadOnly: true).RunAsync(admin);

            Assert.Equal(1L, await DatabaseEmulator.ScalarAsync<long>(role.ConnectionOf(admin), "select count(*) from readings"));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static void AssertOneOf(PostgresException refused, params (string SqlState, string Message)[] allowed) =>
        Assert.True(allowed.Contains((refused.SqlState, refused.MessageText)), $"refused with {refused.SqlState} \"{refused.MessageText}\"; expected one of {string.Join(", ", allowed)}");
}
