namespace TigerEmulator.Logs;

/// The log knobs a scenario sets at load and reset. They sit on top of the "Logs" configuration, which stays the
/// default for a scenario that says nothing about logs.
public sealed class LogKnobs
{
    private volatile Tuning? tuning;

    public void Set(double? entriesPerMinute, double? errorRatio) =>
        tuning = entriesPerMinute is null && errorRatio is null ? null : new Tuning(entriesPerMinute, errorRatio);

    public LogSettings Apply(LogSettings configured) => tuning is not { } t
        ? configured
        : configured with { EntriesPerMinute = t.EntriesPerMinute ?? configured.EntriesPerMinute, ErrorRatio = t.ErrorRatio ?? configured.ErrorRatio };

    private sealed record Tuning(double? EntriesPerMinute, double? ErrorRatio);
}
