using System.Text;

namespace TigerEmulator.Databases.Front;

/// Which sessions are read-only as the cloud defines them: those whose start-up options carry
/// tsdb_admin.read_only_connection=true, and those of a role with tsdb_admin.read_only_role = true (ALTER ROLE … SET),
/// looked up over the superuser's socket as the connection starts. Such a session starts with
/// default_transaction_read_only on, and <see cref="ReadOnlyGuard"/> keeps it so.
public static class ReadOnlySessions
{
    public const string ConnectionSetting = "tsdb_admin.read_only_connection";
    public const string RoleSetting = "tsdb_admin.read_only_role";

    /// What is added to the start-up's options of a read-only session.
    public const string ServerOption = "-c default_transaction_read_only=on";

    /// The options asked for the session read-only (-c name=value, -cname=value or --name=value; the last one wins).
    public static bool AskedFor(string? options)
    {
        var asked = false;
        var words = Split(options ?? "");
        for (var i = 0; i < words.Count; i++)
        {
            var setting = words[i] switch
            {
                "-c" when i + 1 < words.Count => words[++i],
                var word when word.StartsWith("--", StringComparison.Ordinal) => word[2..].Replace('-', '_'),
                var word when word.StartsWith("-c", StringComparison.Ordinal) => word[2..],
                _ => null,
            };
            if (setting?.Split('=', 2) is [var name, var value] && name.Equals(ConnectionSetting, StringComparison.OrdinalIgnoreCase))
            {
                asked = IsTrue(value);
            }
        }

        return asked;
    }

    public static Task<bool> IsReadOnlyRoleAsync(FrontTarget target, string role, string database, CancellationToken cancellationToken) =>
        RoleLookup.IsReadOnlyAsync(target.SocketPath, role, database, cancellationToken);

    /// The options with the read-only default added after the client's own, so that it wins over one the client gave.
    public static string WithServerOption(string? options) => string.IsNullOrWhiteSpace(options) ? ServerOption : options + " " + ServerOption;

    private static bool IsTrue(string value) =>
        value.Trim().ToLowerInvariant() is "true" or "on" or "yes" or "1" or "t" or "y";

    // As the server splits options: on white space, a backslash keeping the next character.
    private static List<string> Split(string options)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < options.Length; i++)
        {
            if (options[i] == '\\' && i + 1 < options.Length)
            {
                word.Append(options[++i]);
            }
            else if (char.IsWhiteSpace(options[i]))
            {
                if (word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }
            }
            else
            {
                word.Append(options[i]);
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
