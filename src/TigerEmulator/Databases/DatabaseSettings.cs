using System.Globalization;

namespace TigerEmulator.Databases;

/// The settings of the data plane, read and checked once at start: a bad value stops the emulator with one line that
/// names the setting, rather than surfacing later as a service that never becomes READY.
public sealed record DatabaseSettings
{
    public const string ModeKey = "TIGER_EMULATOR_DATABASES";
    public const string BinKey = "TIGER_EMULATOR_POSTGRES_BIN";
    public const string PortsKey = "TIGER_EMULATOR_DATABASE_PORTS";
    public const string HostKey = "TIGER_EMULATOR_DATABASE_HOST";
    public const string MaxKey = "TIGER_EMULATOR_MAX_DATABASES";
    public const string ListenKey = "TIGER_EMULATOR_DATABASE_LISTEN";

    /// auto (on when PostgreSQL is found), on, or off.
    public string Mode { get; init; } = "auto";

    public const string DataDirKey = "TIGER_EMULATOR_DATA_DIR";

    /// The emulator's data folder, whose databases/ folder holds the servers when there is one.
    public string? DataDir { get; init; }

    public string? BinFolder { get; init; }

    /// The pgbouncer program or its folder (TIGER_EMULATOR_PGBOUNCER_BIN); searched for when not set.
    public string? PgBouncerBin { get; init; }

    public int FirstPort { get; init; } = 15432;

    public int LastPort { get; init; } = 15999;

    /// What the API reports as a service's host; the servers themselves listen on 127.0.0.1 only.
    public string Host { get; init; } = "localhost";

    public int MaxDatabases { get; init; } = 50;

    /// The address the servers listen on: loopback, except inside a container, whose published ports arrive from outside.
    public string ListenAddress { get; init; } = "127.0.0.1";

    public static DatabaseSettings From(IConfiguration configuration)
    {
        var mode = Read(configuration, ModeKey)?.ToLowerInvariant() ?? "auto";
        if (mode is not ("auto" or "on" or "off"))
        {
            throw new InvalidOperationException($"{ModeKey} must be one of auto, on, off, not '{mode}'");
        }

        var (first, last) = ReadPorts(Read(configuration, PortsKey));
        return new DatabaseSettings
        {
            Mode = mode,
            BinFolder = Read(configuration, BinKey),
            PgBouncerBin = Read(configuration, Pooler.PgBouncerProgram.BinKey),
            FirstPort = first,
            LastPort = last,
            Host = Read(configuration, HostKey) ?? "localhost",
            MaxDatabases = ReadMax(Read(configuration, MaxKey)),
            ListenAddress = ReadAddress(Read(configuration, ListenKey)),
            DataDir = Read(configuration, DataDirKey),
        };
    }

    // "15432-15999": two ports a service (its server and the pooler's), so the range holds at least two.
    private static (int First, int Last) ReadPorts(string? text)
    {
        if (text is null)
        {
            return (15432, 15999);
        }

        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && Port(parts[0]) is { } first && Port(parts[1]) is { } last && last > first)
        {
            return (first, last);
        }

        throw new InvalidOperationException($"{PortsKey} must be a range of ports such as 15432-15999 (first below last, 1024-65535), not '{text}'");
    }

    private static int? Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1024 and <= 65535 ? port : null;

    private static int ReadMax(string? text)
    {
        if (text is null)
        {
            return 50;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0
            ? max
            : throw new InvalidOperationException($"{MaxKey} must be a whole number above 0, not '{text}'");
    }

    private static string ReadAddress(string? text) =>
        text is null ? "127.0.0.1"
        : System.Net.IPAddress.TryParse(text, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? text
        : throw new InvalidOperationException($"{ListenKey} must be an IPv4 address such as 127.0.0.1, not '{text}'");

    private static string? Read(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
