using TigerEmulator.Http;
using TigerEmulator.Reading;

namespace TigerEmulator.Metrics;

/// One <c>{key, value}</c> of a request's filters, with where it stood ("filters[1]") for the errors that name it.
internal sealed record LabelFilter(string Path, string Key, string Value)
{
    public static LabelFilter Read(MapReader item) => new(item.Place.Path, item.RequiredString("key"), item.RequiredString("value"));

    /// The key must be one of the metric's labels and a role must be primary or replica (in any case: the response
    /// lowercases roles, so a client may have seen either).
    public void Check(MetricDefinition metric)
    {
        if (!metric.LabelKeys.Contains(Key))
        {
            throw TigerException.Invalid($"'{Path}.key' '{Key}' is not a label of {metric.Name}; its labels are {string.Join(", ", metric.LabelKeys)}");
        }

        if (Key == SeriesLabels.Role && !SeriesLabels.Roles.Contains(Value, StringComparer.OrdinalIgnoreCase))
        {
            throw TigerException.Invalid($"'{Path}.value' must be {string.Join(" or ", SeriesLabels.Roles)} for the label role, not '{Value}'");
        }
    }

    public bool Matches(IReadOnlyDictionary<string, string> labels) =>
        labels.TryGetValue(Key, out var value) && string.Equals(value, Value, Key == SeriesLabels.Role ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
