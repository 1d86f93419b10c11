namespace TigerEmulator.CommandLine;

/// Every setting the emulator reads, in one table: the command line, --help and the one-line start errors read it.
/// A new setting is one line here; its option follows from its variable.
public static class EmulatorSettings
{
    public const string Port = "TIGER_EMULATOR_PORT";
    public const string HttpsPort = "TIGER_EMULATOR_HTTPS_PORT";
    public const string Host = "TIGER_EMULATOR_HOST";
    public const string CertPath = "TIGER_EMULATOR_CERT_PATH";
    public const string CertPassword = "TIGER_EMULATOR_CERT_PASSWORD";
    public const string LogFormat = "TIGER_EMULATOR_LOG_FORMAT";
    public const string Url = "TIGER_EMULATOR_URL";
    public const string AdminToken = "TIGER_EMULATOR_ADMIN_TOKEN";
    public const string Urls = "urls";

    public static readonly IReadOnlyList<EmulatorSetting> All =
    [
        EmulatorSetting.Tiger("PORT", "port", "8080", "HTTP port on --host (see Ports in the README for the order)"),
        EmulatorSetting.Tiger("HOST", "host", "localhost", "address the --port and --https-port listen on"),
        EmulatorSetting.Tiger("HTTPS_PORT", "port", "(none)", "HTTPS port on --host"),
        EmulatorSetting.Tiger("CERT_PATH", "file", "(.NET development certificate)", "HTTPS certificate: .pfx, or .pem with its key"),
        EmulatorSetting.Tiger("CERT_PASSWORD", "password", "(none)", "password of the .pfx"),
        new(Urls, "--urls", "ASPNETCORE_URLS", "urls", "http://localhost:8080", "where to listen, ';' between URLs"),
        EmulatorSetting.Tiger("DATA_DIR", "folder", "(none: in memory)", "folder for the LiteDB file; state survives restarts"),
        EmulatorSetting.Tiger("PUBLIC_KEY", "key", EmulatorOptions.DefaultPublicKey, "the seeded key pair's public key"),
        EmulatorSetting.Tiger("SECRET_KEY", "key", EmulatorOptions.DefaultSecretKey, "its secret (never logged unless it is this default)"),
        EmulatorSetting.Tiger("PROJECT_ID", "id", EmulatorOptions.DefaultProjectId, "the seeded project"),
        EmulatorSetting.Tiger("SEED", "number", "1", "seed of generated ids and passwords"),
        EmulatorSetting.Tiger("TIMING", "profile", "fast", "instant, fast (2 s a step) or realistic (the cloud's minutes)"),
        EmulatorSetting.Tiger("CLOCK_SPEED", "number", "1", "divides every lifecycle duration"),
        EmulatorSetting.Tiger("CLOCK", "mode", "realtime", "manual freezes emulated time until advanced"),
        EmulatorSetting.Tiger("SCENARIO", "name|path", "default", "scenario name (in scenarios/) or path"),
        EmulatorSetting.Tiger("SCENARIOS_DIR", "folder", "(none)", "another folder to look up scenario names in first"),
        EmulatorSetting.Tiger("ADMIN_TOKEN", "token", "(none: open)", "token that closes the control API"),
        EmulatorSetting.Tiger("JOURNAL_SIZE", "count", "1000", "requests the journal keeps (0 turns it off)"),
        EmulatorSetting.Tiger("LOG_FORMAT", "format", "text", "text, or json for one JSON object a log line"),
        new("Logs:EntriesPerMinute", "--logs-entries-per-minute", "Logs__EntriesPerMinute", "number", "6", "log lines a minute when the scenario sets none"),
        new("Logs:ErrorRatio", "--logs-error-ratio", "Logs__ErrorRatio", "ratio", "0.02", "share of error lines when the scenario sets none"),
        EmulatorSetting.Tiger("DATABASES", "mode", "auto", "on, off, or auto: a PostgreSQL server behind each service when PostgreSQL is found"),
        EmulatorSetting.Tiger("POSTGRES_BIN", "folder", "(searched)", "the folder of initdb, pg_ctl and postgres"),
        EmulatorSetting.Tiger("PGBOUNCER_BIN", "file", "(searched)", "the pgbouncer program (or its folder) behind enablePooler"),
        EmulatorSetting.Tiger("DATABASE_PORTS", "range", "15432-15999", "the ports services' servers (and poolers) are given"),
        EmulatorSetting.Tiger("DATABASE_HOST", "host", "localhost", "the host reported in each service's endpoint"),
        EmulatorSetting.Tiger("DATABASE_LISTEN", "address", "127.0.0.1", "the address the servers listen on (0.0.0.0 in the Docker image)"),
        EmulatorSetting.Tiger("MAX_DATABASES", "count", "50", "live database servers at most"),
        EmulatorSetting.Tiger("URL", "url", "http://localhost:8080", "the running emulator that reset, advance and status talk to"),
    ];

    public static EmulatorSetting? ByOption(string option) => All.FirstOrDefault(setting => setting.Option == option);

    public static EmulatorSetting? ByKey(string key) => All.FirstOrDefault(setting => string.Equals(setting.Key, key, StringComparison.OrdinalIgnoreCase));
}
