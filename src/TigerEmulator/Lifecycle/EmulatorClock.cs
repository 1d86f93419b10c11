namespace TigerEmulator.Lifecycle;

/// The emulated "now" that every timestamp and every transition is measured against.
public sealed class EmulatorClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;

    /// UTC, truncated to the millisecond so that stored and returned timestamps compare equal.
    public DateTime UtcNow
    {
        get
        {
            var now = Time.GetUtcNow().UtcDateTime;
            return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        }
    }
}
