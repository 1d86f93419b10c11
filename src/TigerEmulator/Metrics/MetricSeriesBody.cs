using System.Text.Json.Serialization;

namespace TigerEmulator.Metrics;

/// The contract's MetricSeries: a label set and one point for each bucket of the window.
public sealed record MetricSeriesBody(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<MetricPointBody> Data);

/// The contract's MetricDataPoint. A gap bucket is still sent, with <c>"value": null</c> rather than no value, so it
/// is written even though the emulator's JSON leaves other nulls out.
public sealed record MetricPointBody(DateTime Time, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Value);
