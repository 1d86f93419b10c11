namespace TigerEmulator.Testing;

/// <summary>The connection string of a service's database, in the key=value form Npgsql and libpq both read.</summary>
public static class DatabaseConnection
{
    /// <summary>Role tsdbadmin on database tsdb with TLS required, as the cloud's services are reached.</summary>
    public static string Format(string host, int port, string password) =>
        $"Host={host};Port={port};Database=tsdb;Username=tsdbadmin;Password={Quote(password)};SSL Mode=Require";

    // A value with a separator, a quote or spaces at its ends goes in double quotes, doubling any inside.
    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\'', '=']) >= 0 || value.Trim() != value ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
