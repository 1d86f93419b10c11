namespace TigerEmulator.Lifecycle;

/// The emulated "now" that every timestamp and every transition is measured against.
/// Real time by default; in manual mode it stands still until <see cref="Advance"/> moves it.
public sealed class EmulatorClock
{
    private readonly Lock gate = new();

    // Read on every request: readers take the current setting without a lock, writers replace it whole.
    private volatile Setting setting;

    public EmulatorClock(TimeProvider time, EmulatorOptions options)
    {
        Time = time;
        setting = new Setting(TimeSpan.Zero, options.ManualClock ? time.GetUtcNow().UtcDateTime : null);
    }

    public TimeProvider Time { get; }

    public bool IsManual => setting.FrozenAt is not null;

    /// UTC, truncated to the millisecond so that stored and returned timestamps compare equal.
    public DateTime UtcNow
    {
        get
        {
            var now = Now(setting);
            return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        }
    }

    /// Moves emulated time forward. In real-time mode this jumps ahead of the wall clock, and stays ahead.
    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            setting = setting with { Offset = setting.Offset + by };
        }
    }

    public void SetManual(bool manual)
    {
        lock (gate)
        {
            var now = Now(setting);
            setting = manual ? new Setting(TimeSpan.Zero, now) : new Setting(now - Time.GetUtcNow().UtcDateTime, null);
        }
    }

    private DateTime Now(Setting current) => (current.FrozenAt ?? Time.GetUtcNow().UtcDateTime) + current.Offset;

    private sealed record Setting(TimeSpan Offset, DateTime? FrozenAt);
}
