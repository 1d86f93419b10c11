using System.Globalization;
using TigerEmulator.Reading;

namespace TigerEmulator.Metrics;

/// A getServiceMetricsSeries body, checked in itself as it is parsed (its fields, the window and the bucket; a refusal
/// is thrown, naming the field); what depends on the metric is answered by <see cref="ProblemWith"/> once the handler
/// has found the service and the metric.
internal sealed record SeriesRequest(string Name, MetricWindow Window, string? Function, IReadOnlyList<LabelFilter> Filters)
{
    public static readonly string[] Functions = ["RATE", "INCREASE", "SUM", "AVG", "MIN", "MAX", "COUNT", "P50", "P90", "P99", "LAST"];

    public static SeriesRequest Parse(MapReader body)
    {
        var name = body.RequiredString("name");
        var from = Time(body, "from");
        var to = Time(body, "to");
        var bucket = body.OptionalInt("bucket_seconds", 60, (int)MetricWindow.Longest.TotalSeconds);
        var function = body.OptionalEnum("fn", Functions);
        var filters = body.Maps("filters").Select(LabelFilter.Read).ToList();
        body.RejectUnknown();

        if (to <= from)
        {
            throw body.Error("to", $"must be later than 'from' ({Text(from)}), not {Text(to)}");
        }

        var length = to - from;
        if (length > MetricWindow.Longest)
        {
            throw body.Error("to", $"must be at most {MetricWindow.Longest.TotalDays} days after 'from', not {length.TotalDays:0.##} days");
        }

        var finest = MetricWindow.FinestBucket(length);
        if (bucket < finest)
        {
            throw body.Error("bucket_seconds", $"must be at least {finest} for a window of {length.TotalHours:0.##} hours, the finest its tier keeps, not {bucket}");
        }

        return new(name, new MetricWindow(from, to, bucket ?? MetricWindow.DefaultBucket(length)), function, filters);
    }

    /// What the metric itself refuses in the request (fn, the filters' keys and roles); null when it takes it all.
    public string? ProblemWith(MetricDefinition metric)
    {
        if (Function is { } function && !metric.Functions.Contains(function))
        {
            return metric.Functions.Count == 0
                ? $"'fn' is not accepted for {metric.Name}; leave it out"
                : $"'fn' {function} is not accepted for {metric.Name}, a counter; percentiles need a metric stored as a sketch";
        }

        return Filters.Select(filter => filter.ProblemWith(metric)).FirstOrDefault(problem => problem is not null);
    }

    private static string Text(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static DateTime Time(MapReader body, string key) =>
        body.OptionalTimestamp(key)?.UtcDateTime ?? throw body.Error(key, "is required");
}
