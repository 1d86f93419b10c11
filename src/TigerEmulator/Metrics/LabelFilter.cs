using TigerEmulator.Reading;

namespace TigerEmulator.Metrics;

/// One <c>{key, value}</c> of a request's filters, with where it stood ("filters[1]") for the errors that name it.
internal sealed record LabelFilter(string Path, string Key, string Value)
{
    public static LabelFilter Read(MapReader item) => new(item.Place.Path, item.RequiredString("key"), item.RequiredString("value"));

    /// The key must be one of the metric's labels and a role must be primary or replica (in any case: the response
    /// lowercases roles, so a client may have seen either). Null when the filter is fine.
    public string? ProblemWith(MetricDefinition metric) =>
        !metric.LabelKeys.Contains(Key) ? $"'{Path}.key' '{Key}' is not a label of {metric.Name}; its labels are {string.Join(", ", metric.LabelKeys)}"
        : Key == SeriesLabels.Role && !SeriesLabels.Roles.Contains(Value, StringComparer.OrdinalIgnoreCase)
            ? $"'{Path}.value' must be {string.Join(" or ", SeriesLabels.Roles)} for the label role, not '{Value}'"
        : null;

    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(Key, out var value) && string.Equals(value, Value, Key == SeriesLabels.Role ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
