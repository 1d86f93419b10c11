using Bogus;
using Bogus.DataSets;

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

    // A database sees the same clients and devices again and again. Bogus draws them once, at a fixed seed so that every
    // process has the same ones; each line then picks from them with its own slot's draws (the log's seed decides which).
    private static readonly Randomizer Source = new(20_240_115);

    public static readonly string[] ClientAddresses = Drawn(256, new Internet { Random = Source }.Ip);

    public static readonly string[] Devices = Drawn(1024, () => Source.Replace("dev-####"));

    public static void Statement(LineContext line)
    {
        var (r, text) = (line.Random, line.Text);
        switch (r.Number(0, 7))
        {
            case 0:
                text.Append($"SELECT time_bucket('{r.Pick(Buckets)}', time) AS bucket, device_id, avg(temperature) FROM conditions ");
                text.Append($"WHERE time > now() - interval '{r.Number(1, 48)} hours' GROUP BY bucket, device_id ORDER BY bucket DESC");
                break;
            case 1:
                text.Append($"SELECT * FROM {r.Pick(Hypertables)} WHERE device_id = '{r.Pick(Devices)}' ORDER BY time DESC LIMIT {r.Pick(Limits)}");
                break;
            case 2:
                text.Append($"INSERT INTO {r.Pick(Hypertables)} (time, device_id, value) VALUES ($1, $2, $3)");
                break;
            case 3:
                text.Append("SELECT symbol, last(price, time) AS price FROM stocks_real_time WHERE time > now() - interval '1 day' GROUP BY symbol"u8);
                break;
            case 4:
                text.Append($"UPDATE devices SET last_seen = now() WHERE device_id = '{r.Pick(Devices)}'");
                break;
            case 5:
                text.Append($"COPY {r.Pick(Hypertables)} (time, device_id, value) FROM STDIN");
                break;
            case 6:
                text.Append($"SELECT bucket, avg_temp, max_temp FROM {r.Pick(Aggregates)} WHERE bucket > now() - interval '{r.Number(1, 30)} days'");
                break;
            default:
                text.Append($"SELECT count(*) FROM {r.Pick(Tables)}");
                break;
        }
    }

    public static void Table(LineContext line)
    {
        var r = line.Random;
        if (r.Chance(0.5))
        {
            line.Text.Append($"{Database}._timescaledb_internal._hyper_{r.Number(1, 6)}_{r.Number(1, 900)}_chunk");
        }
        else
        {
            line.Text.Append($"{Database}.public.{r.Pick(Tables)}");
        }
    }

    private static string[] Drawn(int count, Func<string> draw) => Enumerable.Range(0, count).Select(_ => draw()).ToArray();
}
