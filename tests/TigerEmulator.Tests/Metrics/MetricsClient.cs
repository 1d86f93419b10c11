using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Metrics;

/// Asks for metrics as a client of the newer contract revision does, and reads the points back.
internal static class MetricsClient
{
    public const string CpuUsage = "timescale_cloud_system_cpu_usage_millicores";
    public const string CpuTotal = "timescale_cloud_system_cpu_total_millicores";
    public const string MemoryUsage = "timescale_cloud_system_memory_usage_bytes";
    public const string MemoryTotal = "timescale_cloud_system_memory_total_bytes";
    public const string DiskUsage = "timescale_cloud_system_disk_usage_bytes";
    public const string Qps = "timescale_cloud_database_qps";
    public const string JobDuration = "timescale_cloud_database_job_duration_usecs";
    public const string Transactions = "timescale_cloud_database_transactions_total";

    public static string SeriesPath(string projectId, string serviceId) => $"{Api.Project(projectId)}/services/{serviceId}/metrics/series";

    public static string AvailablePath(string projectId, string serviceId) => $"{Api.Project(projectId)}/services/{serviceId}/metrics/available-series";

    public static string Time(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

    public static object Body(string name, DateTime from, DateTime to, int? bucket = null, string? fn = null, params (string Key, string Value)[] filters) => new
    {
        name,
        from = Time(from),
        to = Time(to),
        bucket_seconds = bucket,
        fn,
        filters = filters.Select(filter => new { key = filter.Key, value = filter.Value }).ToArray(),
    };

    public static async Task<JsonArray> SeriesAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsync(path, Api.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsArray();
    }

    /// The one series of the answer's points, as (time, value).
    public static List<(DateTime Time, double? Value)> Points(JsonArray series) =>
        Assert.Single(series)!["data"]!.AsArray()
            .Select(point => (point!["time"]!.GetValue<DateTime>().ToUniversalTime(), (double?)point["value"]))
            .ToList();

    /// The whole error body: status, code, and the message word for word.
    public static async Task AssertExactErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code, string message)
    {
        await response.AssertErrorAsync(status, code, message);
        Assert.Equal(message, (string?)(await response.ReadJsonAsync())["message"]);
    }
}
