namespace TigerEmulator.Tests.Contract;

/// Hand-written rules of the newer revision's preview metrics that its schema cannot express: the window, the
/// series, the aggregation its description refuses, the label filters. (Served from branch i13-metrics.)
/// The valid call (OperationFixtures) asks timescale_cloud_system_cpu_usage_millicores over the last hour by minute.
public static class MetricsCases
{
    private const string Operation = "getServiceMetricsSeries";

    public static IEnumerable<BadInputCase> All()
    {
        yield return Window("an inverted window", (from, to) => (to, from));
        yield return Window("an empty window", (from, _) => (from, from));
        yield return Window("a window of 56 years", (_, to) => (DateTimeOffset.UnixEpoch, to));

        yield return BadInputCase.OfBody(Operation, "a series that does not exist", body => body["name"] = "no_such_series", new ExpectedError(null, null, "no_such_series"));
        yield return BadInputCase.OfBody(Operation, "a series name of spaces", body => body["name"] = "   ", ExpectedError.AnyClientError);

        // The contract lists the metrics that take no fn; the CPU gauge is one of them.
        yield return BadInputCase.OfBody(Operation, "fn RATE on a metric that takes none", body => body["fn"] = "RATE", ExpectedError.Invalid("fn"));

        // A minute's bucket over thirty days is finer than the window's tier can produce.
        yield return new BadInputCase($"{Operation}: minute buckets over thirty days", Operation, (stage, call) =>
        {
            var now = stage.Factory.Clock.GetUtcNow();
            return Task.FromResult(call.WithBody(body =>
            {
                body["from"] = OperationFixtures.Rfc3339(now.AddDays(-30));
                body["to"] = OperationFixtures.Rfc3339(now);
                body["bucket_seconds"] = 60;
            }));
        }, ExpectedError.Invalid("bucket_seconds"));

        yield return Filter("a label the metric does not have", "colour", "red", ExpectedError.Invalid("colour"));
        yield return Filter("a role that is neither primary nor replica", "role", "leader", ExpectedError.InvalidNamingAny("leader", "role"));
        yield return Filter("a label key of spaces", "   ", "primary", ExpectedError.Invalid("key"));
    }

    private static BadInputCase Window(string what, Func<DateTimeOffset, DateTimeOffset, (DateTimeOffset From, DateTimeOffset To)> reshape) =>
        new($"{Operation}: {what}", Operation, (stage, call) =>
        {
            var now = stage.Factory.Clock.GetUtcNow();
            var (from, to) = reshape(now.AddHours(-1), now);
            return Task.FromResult(call.WithBody(body =>
            {
                body["from"] = OperationFixtures.Rfc3339(from);
                body["to"] = OperationFixtures.Rfc3339(to);
            }));
        }, ExpectedError.InvalidNamingAny("from", "to"));

    private static BadInputCase Filter(string what, string key, string value, ExpectedError expected) =>
        BadInputCase.OfBody(Operation, what, body => body["filters"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["key"] = key, ["value"] = value }), expected);
}
