namespace TigerEmulator.Metrics;

/// One stretch during which the service's database process ran, from a start to the next stop (or on, at MaxValue).
/// A counter starts again from zero at each.
internal readonly record struct DatabaseRun(DateTime Start, DateTime End);
