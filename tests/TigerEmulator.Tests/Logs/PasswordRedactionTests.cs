using TigerEmulator.Logs;

namespace TigerEmulator.Tests.Logs;

/// What the logs API shows of a statement that sets or passes a password.
public sealed class PasswordRedactionTests
{
    [Theory]
    [InlineData("ALTER ROLE app WITH PASSWORD 'hunter2'", "ALTER ROLE app WITH PASSWORD '********'")]
    [InlineData("create role \"it's\" login password 'a''b' in role tsdbadmin", "create role \"it's\" login password '********' in role tsdbadmin")]
    [InlineData("ALTER USER app PASSWORD E'back\\'slash'", "ALTER USER app PASSWORD '********'")]
    [InlineData("ALTER ROLE app PASSWORD $pw$dollar ' quoted$pw$ VALID UNTIL 'infinity'", "ALTER ROLE app PASSWORD '********' VALID UNTIL '********'")]
    [InlineData("SELECT timescale_functions.create_bare_readonly_role('reader', 's3cret')", "SELECT timescale_functions.create_bare_readonly_role('********', '********')")]
    [InlineData("CREATE ROLE app PASSWORD 'cut short", "CREATE ROLE app PASSWORD '********'")]
    [InlineData("select * from t where name = 'kept'", "select * from t where name = 'kept'")]
    public void EveryStringLiteral_OfAStatementThatCarriesAPassword_IsHidden(string statement, string shown) =>
        Assert.Equal(shown, PasswordRedaction.Redact(statement));

    [Fact]
    public void TheErrorOfSuchAStatement_HidesTheFragmentItQuotes() =>
        Assert.Equal("unterminated quoted string at or near \"********\"", PasswordRedaction.RedactError("unterminated quoted string at or near \"'hunter2\""));
}
