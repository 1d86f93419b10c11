using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Logs;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;
using static TigerEmulator.Tests.Metrics.MetricsClient;

namespace TigerEmulator.Tests.Metrics;

/// What the answer holds: the series names, the buckets a window gets, the series a role filter picks, the counter's
/// functions, and the errors of a missing service or a foreign caller.
public sealed class MetricsSeriesTests(ITestOutputHelper output)
{
    private static readonly DateTime Start = Emulator.Start.UtcDateTime;

    [Fact]
    public async Task AvailableSeries_ListsTheContractsSeries_AndJobsOnlyWhereTimescaleRuns()
    {
        using var emulator = new SeededEmulator(output);
        var timescale = await emulator.Seeder.ReadyServiceAsync();
        var postgres = await emulator.Seeder.ReadyServiceAsync(new { name = "plain-db" });

        var names = (await emulator.Client.GetJsonAsync(AvailablePath(emulator.Factory.ProjectId, timescale))).AsArray().Select(n => (string)n!).ToList();
        var plain = (await emulator.Client.GetJsonAsync(AvailablePath(emulator.Factory.ProjectId, postgres))).AsArray().Select(n => (string)n!).ToList();
        var refused = await emulator.Client.PostAsync(SeriesPath(emulator.Factory.ProjectId, postgres), Api.Json(Body(JobDuration, Start, Start.AddHours(1))));

        Assert.Equal(16, names.Count);
        Assert.Contains(CpuUsage, names);
        Assert.Contains(JobDuration, names);
        Assert.Contains(Transactions, names);
        Assert.Equal(names.Where(name => !name.Contains("_job_", StringComparison.Ordinal)), plain);
        await AssertExactErrorAsync(refused, HttpStatusCode.BadRequest, "INVALID_REQUEST",
            $"'name' '{JobDuration}' is not a metric series of this service; getServiceMetricsAvailableSeries lists them");
    }

    [Theory]
    [InlineData("2026-01-15T08:00:00Z", "2026-01-15T09:00:00Z", 60, 60, "2026-01-15T08:00:00Z")]
    [InlineData("2026-01-14T09:30:00Z", "2026-01-15T09:30:00Z", 3600, 25, "2026-01-14T09:00:00Z")]
    [InlineData("2025-12-06T09:00:00Z", "2026-01-15T09:00:00Z", 86_400, 41, "2025-12-06T00:00:00Z")]
    public async Task WithoutBucketSeconds_TheWindowPicksTheBucket_OneEntryEach(string from, string to, int seconds, int count, string first)
    {
        using var emulator = new SeededEmulator(output);
        var id = await emulator.Seeder.ReadyServiceAsync();

        var series = await SeriesAsync(emulator.Client, SeriesPath(emulator.Factory.ProjectId, id), new { name = CpuUsage, from, to });

        var times = Points(series).Select(p => p.Time).ToList();
        Assert.Equal(count, times.Count);
        Assert.Equal(DateTime.Parse(first, null, System.Globalization.DateTimeStyles.AdjustToUniversal), times[0]);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(seconds), pair.Second - pair.First));
    }

    [Fact]
    public async Task GapBuckets_CarryAnExplicitNullValue()
    {
        using var emulator = new SeededEmulator(output);
        var id = await emulator.Seeder.ReadyServiceAsync();

        var response = await emulator.Client.PostAsync(SeriesPath(emulator.Factory.ProjectId, id), Api.Json(Body(CpuUsage, Start.AddMinutes(-2), Start.AddMinutes(-1))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""[{"labels":{"role":"primary","ordinal":"0"},"data":[{"time":"2026-01-15T08:58:00Z","value":null}]}]""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NanosecondTimestamps_AreAccepted()
    {
        using var emulator = new SeededEmulator(output);
        var id = await emulator.Seeder.ReadyServiceAsync();

        var series = await SeriesAsync(emulator.Client, SeriesPath(emulator.Factory.ProjectId, id),
            new { name = CpuUsage, from = "2026-01-15T08:00:00.123456789Z", to = "2026-01-15T08:59:59.999999999Z" });

        Assert.Equal(60, Points(series).Count);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:30Z", "0001-01-01T01:00:00Z", 420, 10)]
    [InlineData("9999-12-31T23:00:00Z", "9999-12-31T23:59:59.9999999Z", 600, 6)]
    public async Task WindowsAtTheEndsOfTheCalendar_AreAllGaps(string from, string to, int bucket, int count)
    {
        using var emulator = new SeededEmulator(output);
        var id = await emulator.Seeder.ReadyServiceAsync();

        var series = await SeriesAsync(emulator.Client, SeriesPath(emulator.Factory.ProjectId, id), new { name = CpuUsage, from, to, bucket_seconds = bucket });

        Assert.Equal(Enumerable.Repeat<double?>(null, count), Points(series).Select(p => p.Value));
    }

    [Fact]
    public async Task RoleFilters_PickTheNodes_AndEachMetricHasItsDefault()
    {
        using var factory = Emulator.Create(output);
        var client = factory.CreateTigerClient();
        var ha = await ServiceStory.CreateReadyAsync(factory, client, replicas: 1);
        var single = await ServiceStory.CreateReadyAsync(factory, client);
        await factory.AdvanceAsync(TimeSpan.FromMinutes(5));
        var (from, to) = (Start.AddMinutes(1), Start.AddMinutes(3));
        async Task<string[]> Labels(string id, string name, params (string, string)[] filters) =>
            (await SeriesAsync(client, SeriesPath(factory.ProjectId, id), Body(name, from, to, null, null, filters)))
            .Select(series => string.Join(",", series!["labels"]!.AsObject().Select(label => $"{label.Key}={label.Value}"))).ToArray();

        Assert.Equal(["role=primary,ordinal=0", "role=replica,ordinal=1"], await Labels(ha, CpuUsage));
        Assert.Equal(["role=replica,ordinal=1"], await Labels(ha, CpuUsage, ("role", "replica")));
        Assert.Equal(["role=primary,ordinal=0"], await Labels(ha, Qps));
        Assert.Equal(["role=replica,ordinal=1"], await Labels(ha, Qps, ("role", "REPLICA")));
        Assert.Equal(["role=primary,ordinal=0"], await Labels(ha, Qps, ("ordinal", "0"), ("role", "primary")));
        Assert.Equal(["role=primary,job_id=1", "role=primary,job_id=2"], await Labels(ha, JobDuration));
        Assert.Equal(["role=primary,job_id=2"], await Labels(ha, JobDuration, ("job_id", "2")));
        Assert.Empty(await Labels(ha, JobDuration, ("role", "replica")));
        Assert.Equal(["role=primary,ordinal=0"], await Labels(single, CpuUsage));
        Assert.Empty(await Labels(single, CpuUsage, ("role", "replica")));
    }

    [Fact]
    public async Task TransactionsCounter_AnswersEachFunction_Consistently()
    {
        using var emulator = new SeededEmulator(output);
        var id = await emulator.Seeder.ReadyServiceAsync();
        await emulator.Factory.AdvanceAsync(TimeSpan.FromMinutes(30));
        var path = SeriesPath(emulator.Factory.ProjectId, id);
        async Task<double> Value(string fn) =>
            Points(await SeriesAsync(emulator.Client, path, Body(Transactions, Start.AddMinutes(10), Start.AddMinutes(20), 600, fn)))[0].Value!.Value;

        var (count, sum, average, min, max, last) = (await Value("COUNT"), await Value("SUM"), await Value("AVG"), await Value("MIN"), await Value("MAX"), await Value("LAST"));
        var (increase, rate) = (await Value("INCREASE"), await Value("RATE"));

        Assert.Equal(10, count);
        Assert.Equal(sum / count, average, 2);
        Assert.True(min > 0 && min < max, $"min {min}, max {max}");
        Assert.Equal(max, last);
        Assert.Equal(max - min, increase, 2);
        Assert.Equal(increase / 600, rate, 2);
    }

    [Fact]
    public async Task MissingService_Returns404_ForBothOperations()
    {
        using var emulator = new SeededEmulator(output);

        var available = await emulator.Client.GetAsync(AvailablePath(emulator.Factory.ProjectId, "nosuchsvc"));
        var series = await emulator.Client.PostAsync(SeriesPath(emulator.Factory.ProjectId, "nosuchsvc"), Api.Json(Body(CpuUsage, Start, Start.AddHours(1))));

        await available.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", "nosuchsvc");
        await series.AssertErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND", "nosuchsvc");
    }

    [Fact]
    public async Task WithoutCredentials_Returns401_AndOnAForeignProject_403()
    {
        using var emulator = new SeededEmulator(output);
        var id = await emulator.Seeder.ReadyServiceAsync();
        using var anonymous = emulator.Factory.CreateClient();
        var body = Api.Json(Body(CpuUsage, Start, Start.AddHours(1)));

        var unauthenticated = await anonymous.PostAsync(SeriesPath(emulator.Factory.ProjectId, id), body);
        var unauthenticatedList = await anonymous.GetAsync(AvailablePath(emulator.Factory.ProjectId, id));
        var foreign = await emulator.Client.PostAsync(SeriesPath("otherproject", id), body);
        var foreignList = await emulator.Client.GetAsync(AvailablePath("otherproject", id));

        await unauthenticated.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "Missing Authorization header");
        await unauthenticatedList.AssertErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", "Missing Authorization header");
        await foreign.AssertErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN", "otherproject");
        await foreignList.AssertErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN", "otherproject");
    }
}
