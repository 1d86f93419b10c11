using Npgsql;

namespace TigerEmulator.Tests.Databases;

/// What `tiger db create role` sends, statement by statement in its order, in one transaction as tsdbadmin: with
/// --from tsdbadmin the two helper functions with bound parameters (then a GRANT for each other --from role), otherwise
/// CREATE ROLE … WITH LOGIN PASSWORD '…' [IN ROLE …] and, with --read-only, ALTER ROLE … SET tsdb_admin.read_only_role;
/// then, with --statement-timeout, ALTER ROLE … SET statement_timeout in milliseconds. Names are quoted as the CLI's
/// driver quotes identifiers.
public sealed record CliCreateRole(string Name, string Password, bool ReadOnly = false, TimeSpan? StatementTimeout = null, params string[] From)
{
    public async Task RunAsync(string adminConnection)
    {
        await using var connection = new NpgsqlConnection(adminConnection);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var others = From.Where(role => role != "tsdbadmin").ToList();
        if (From.Contains("tsdbadmin"))
        {
            await ExecuteAsync(connection, "SELECT timescale_functions.create_bare_readonly_role($1, $2)", Name, Password);
            await ExecuteAsync(connection, "SELECT timescale_functions.grant_tsdbadmin_to_role($1)", Name);
            foreach (var role in others)
            {
                await ExecuteAsync(connection, $"GRANT {Identifier(role)} TO {Identifier(Name)}");
            }
        }
        else
        {
            var inRoles = From.Length > 0 ? " IN ROLE " + string.Join(", ", From.Select(Identifier)) : "";
            await ExecuteAsync(connection, $"CREATE ROLE {Identifier(Name)} WITH LOGIN PASSWORD '{Password}'{inRoles}");
            if (ReadOnly)
            {
                await ExecuteAsync(connection, $"ALTER ROLE {Identifier(Name)} SET tsdb_admin.read_only_role = true");
            }
        }

        if (StatementTimeout is { } timeout)
        {
            await ExecuteAsync(connection, $"ALTER ROLE {Identifier(Name)} SET statement_timeout = {(long)timeout.TotalMilliseconds}");
        }

        await transaction.CommitAsync();
    }

    /// The role's own connection string: the service's, with this role and password.
    public string ConnectionOf(string adminConnection) =>
        new NpgsqlConnectionStringBuilder(adminConnection) { Username = Name, Password = Password }.ConnectionString;

    public static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params string[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
