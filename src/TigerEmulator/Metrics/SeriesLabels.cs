using TigerEmulator.Services;

namespace TigerEmulator.Metrics;

/// The series a metric has on a service, each named by its labels. Node 0 is the primary and nodes 1 and up its HA
/// replicas, with the service's present replica count (a failover is not followed); read replica sets are services of
/// their own in the cloud's metrics and have no series here.
internal static class SeriesLabels
{
    public const string Role = "role";
    public const string Ordinal = "ordinal";
    public const string JobId = "job_id";
    public const string Primary = "primary";
    public const string Replica = "replica";

    public static readonly string[] Roles = [Primary, Replica];

    /// The series the filters select, in node or job order. Without a role filter, a PrimaryNode metric gives the
    /// primary only and the others every role.
    public static IEnumerable<SeriesKey> Select(MetricDefinition metric, ServiceDocument service, IReadOnlyList<LabelFilter> filters)
    {
        var all = metric.Scope == MetricScope.Jobs
            ? DatabaseReadings.Jobs.Select(job => new SeriesKey(0, job, Labels(0, JobId, job)))
            : Enumerable.Range(0, 1 + service.HaReplicaCount).Select(node => new SeriesKey(node, 0, Labels(node, Ordinal, node)));
        var primaryOnly = metric.Scope == MetricScope.PrimaryNode && !filters.Any(filter => filter.Key == Role);
        return all.Where(series => (!primaryOnly || series.Node == 0) && filters.All(filter => filter.Matches(series.Labels)));
    }

    private static Dictionary<string, string> Labels(int node, string key, int value) =>
        new() { [Role] = node == 0 ? Primary : Replica, [key] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

/// One series of a metric: the node it is scraped on, the job it follows (0 for none), and its labels.
internal sealed record SeriesKey(int Node, int Job, IReadOnlyDictionary<string, string> Labels);
