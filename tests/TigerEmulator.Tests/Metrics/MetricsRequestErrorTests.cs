using System.Net;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Metrics;

/// Every refusal of a getServiceMetricsSeries body is a 400 INVALID_REQUEST whose message names the field.
public sealed class MetricsRequestErrorTests(MetricsHost host) : IClassFixture<MetricsHost>
{
    private const string Cpu = "\"name\":\"timescale_cloud_system_cpu_usage_millicores\"";
    private const string Hour = "\"from\":\"2026-01-15T08:00:00Z\",\"to\":\"2026-01-15T09:00:00Z\"";

    public static TheoryData<string, string> Refused() => new()
    {
        { $"{{{Cpu},{Hour},\"step\":60}}", "'step' is not a known field here; known fields: name, from, to, bucket_seconds, fn, filters" },
        { $"{{{Hour}}}", "'name' is required" },
        { $"{{\"name\":5,{Hour}}}", "'name' must be a string, not the number 5" },
        { $"{{\"name\":\"cpu\",{Hour}}}", "'name' 'cpu' is not a metric series of this service; getServiceMetricsAvailableSeries lists them" },
        { $"{{{Cpu},\"to\":\"2026-01-15T09:00:00Z\"}}", "'from' is required" },
        { $"{{{Cpu},\"from\":\"yesterday\",\"to\":\"2026-01-15T09:00:00Z\"}}", "'from' must be an RFC 3339 timestamp, not 'yesterday'" },
        { $"{{{Cpu},\"from\":\"2026-01-15T09:00:00Z\",\"to\":\"2026-01-15T08:00:00.5Z\"}}", "'to' must be later than 'from' (2026-01-15T09:00:00Z), not 2026-01-15T08:00:00.5Z" },
        { $"{{{Cpu},\"from\":\"2026-01-15T09:00:00Z\",\"to\":\"2026-01-15T09:00:00Z\"}}", "'to' must be later than 'from' (2026-01-15T09:00:00Z), not 2026-01-15T09:00:00Z" },
        { $"{{{Cpu},\"from\":\"2025-01-15T09:00:00Z\",\"to\":\"2026-01-20T09:00:00Z\"}}", "'to' must be at most 365 days after 'from', not 370 days" },
        { $"{{{Cpu},{Hour},\"bucket_seconds\":30}}", "'bucket_seconds' must be between 60 and 31536000, not 30" },
        { $"{{{Cpu},{Hour},\"bucket_seconds\":90.5}}", "'bucket_seconds' must be a whole number, not 90.5" },
        { $"{{{Cpu},\"from\":\"2026-01-13T09:00:00Z\",\"to\":\"2026-01-15T09:00:00Z\",\"bucket_seconds\":60}}", "'bucket_seconds' must be at least 3600 for a window of 48 hours, the finest its tier keeps, not 60" },
        { $"{{{Cpu},\"from\":\"2025-11-15T09:00:00Z\",\"to\":\"2026-01-15T09:00:00Z\",\"bucket_seconds\":3600}}", "'bucket_seconds' must be at least 86400 for a window of 1464 hours, the finest its tier keeps, not 3600" },
        { $"{{{Cpu},{Hour},\"fn\":\"MEDIAN\"}}", "'fn' must be one of RATE, INCREASE, SUM, AVG, MIN, MAX, COUNT, P50, P90, P99, LAST, not 'MEDIAN'" },
        { $"{{{Cpu},{Hour},\"fn\":\"LAST\"}}", "'fn' is not accepted for timescale_cloud_system_cpu_usage_millicores; leave it out" },
        { $"{{\"name\":\"timescale_cloud_database_transactions_total\",{Hour},\"fn\":\"P99\"}}", "'fn' P99 is not accepted for timescale_cloud_database_transactions_total, a counter; percentiles need a metric stored as a sketch" },
        { $"{{{Cpu},{Hour},\"filters\":\"role=primary\"}}", "'filters' must be a list, not the text 'role=primary'" },
        { $"{{{Cpu},{Hour},\"filters\":[3]}}", "'filters[0]' must be a mapping of fields, not the number 3" },
        { $"{{{Cpu},{Hour},\"filters\":[{{\"key\":\"\",\"value\":\"primary\"}}]}}", "'filters[0].key' must not be empty" },
        { $"{{{Cpu},{Hour},\"filters\":[{{\"key\":\"role\",\"value\":\"primary\"}},{{\"key\":\"role\"}}]}}", "'filters[1].value' is required" },
        { $"{{{Cpu},{Hour},\"filters\":[{{\"key\":\"job_id\",\"value\":\"1\"}}]}}", "'filters[0].key' 'job_id' is not a label of timescale_cloud_system_cpu_usage_millicores; its labels are role, ordinal" },
        { $"{{{Cpu},{Hour},\"filters\":[{{\"key\":\"role\",\"value\":\"leader\"}}]}}", "'filters[0].value' must be primary or replica for the label role, not 'leader'" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task SeriesRequest_BreakingARule_Returns400NamingTheField(string body, string message)
    {
        var response = await host.Client.PostAsync(host.SeriesPath, Api.Json(body));

        await MetricsClient.AssertExactErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_REQUEST", message);
    }
}
