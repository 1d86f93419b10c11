using TigerEmulator.Databases.Front;

namespace TigerEmulator.Tests.Databases;

/// What the front reads in a start-up's options and in a read-only session's statements, without a server.
public sealed class ReadOnlyGuardTests
{
    [Theory]
    [InlineData("-c tsdb_admin.read_only_connection=true", true)]
    [InlineData("-ctsdb_admin.read_only_connection=on", true)]
    [InlineData("--tsdb_admin.read_only_connection=yes", true)]
    [InlineData("--tsdb-admin.read-only-connection=1", true)] // the server reads dashes in a long option's name as underscores
    [InlineData("-c statement_timeout=5s -c TSDB_ADMIN.READ_ONLY_CONNECTION=TRUE", true)]
    [InlineData("-c tsdb_admin.read_only_connection=true -c tsdb_admin.read_only_connection=false", false)]
    [InlineData("-c tsdb_admin.read_only_connection=false", false)]
    [InlineData("-c application_name=tsdb_admin.read_only_connection\\=true", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void AskedFor_ReadsTheOptionsAsTheServerSplitsThem(string? options, bool readOnly) =>
        Assert.Equal(readOnly, ReadOnlySessions.AskedFor(options));

    [Theory]
    [MemberData(nameof(UndoForms))]
    public void Undoes_EveryFormThatTurnsTheSessionReadWrite(string sql) => Assert.True(ReadOnlyGuard.Undoes(sql));

    [Theory]
    [InlineData("SET TRANSACTION READ ONLY")]
    [InlineData("BEGIN READ ONLY")]
    [InlineData("begin; select 1; commit")]
    [InlineData("show default_transaction_read_only")]
    [InlineData("select current_setting('transaction_read_only')")]
    [InlineData("SET search_path = app, public")]
    [InlineData("select set_config('application_name', 'x', false)")]
    public void Undoes_NotWhatLeavesTheSessionReadOnly(string sql) => Assert.False(ReadOnlyGuard.Undoes(sql));

    public static TheoryData<string> UndoForms() => [.. ReadOnlySessionTests.UndoForms, "select 1;\n-- a comment\nreset   all", "SET SESSION default_transaction_read_only TO DEFAULT"];
}
