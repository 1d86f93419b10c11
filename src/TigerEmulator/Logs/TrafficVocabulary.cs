using Bogus;

namespace TigerEmulator.Logs;

/// The names and statements that steady traffic is written with: a TimescaleDB schema of sensors and stocks.
internal static class TrafficVocabulary
{
    public const string Database = "tsdb";

    public static readonly string[] Users = ["tsdbadmin", "tsdbadmin", "app", "app", "grafana", "ingest", "readonly", "metabase"];

    public static readonly string[] Applications =
        ["psql", "PostgreSQL JDBC Driver", "grafana", "node-postgres", "psycopg", "pgAdmin 4 - DB:tsdb", "tiger-cli", "sqlx-postgres"];

    public static readonly string[] Hypertables = ["conditions", "metrics", "stocks_real_time", "sensor_data", "events"];

    public static readonly string[] Aggregates = ["conditions_summary_hourly", "metrics_daily", "stock_candlestick_1m"];

    public static readonly string[] Tables = ["devices", "symbols", "alerts", "users", .. Hypertables];

    public static readonly int[] Limits = [10, 100, 1000];

    public static readonly string[] Buckets = ["1 minute", "5 minutes", "15 minutes", "1 hour", "1 day"];

    public static string Statement(Randomizer random) => random.Number(0, 7) switch
    {
        0 => $"SELECT time_bucket('{random.ArrayElement(Buckets)}', time) AS bucket, device_id, avg(temperature) FROM conditions "
            + $"WHERE time > now() - interval '{random.Number(1, 48)} hours' GROUP BY bucket, device_id ORDER BY bucket DESC",
        1 => $"SELECT * FROM {random.ArrayElement(Hypertables)} WHERE device_id = '{Device(random)}' ORDER BY time DESC LIMIT {random.ArrayElement(Limits)}",
        2 => $"INSERT INTO {random.ArrayElement(Hypertables)} (time, device_id, value) VALUES ($1, $2, $3)",
        3 => "SELECT symbol, last(price, time) AS price FROM stocks_real_time WHERE time > now() - interval '1 day' GROUP BY symbol",
        4 => $"UPDATE devices SET last_seen = now() WHERE device_id = '{Device(random)}'",
        5 => $"COPY {random.ArrayElement(Hypertables)} (time, device_id, value) FROM STDIN",
        6 => $"SELECT bucket, avg_temp, max_temp FROM {random.ArrayElement(Aggregates)} WHERE bucket > now() - interval '{random.Number(1, 30)} days'",
        _ => $"SELECT count(*) FROM {random.ArrayElement(Tables)}",
    };

    public static string Device(Randomizer random) => random.Replace("dev-####");

    public static string Table(Randomizer random) => random.Bool(0.5f)
        ? $"{Database}._timescaledb_internal._hyper_{random.Number(1, 6)}_{random.Number(1, 900)}_chunk"
        : $"{Database}.public.{random.ArrayElement(Tables)}";

    /// A measured figure as PostgreSQL prints durations and rates: three decimals.
    public static string Amount(Randomizer random, double min, double max) =>
        random.Double(min, max).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
