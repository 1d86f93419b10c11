namespace TigerEmulator.Lifecycle;

/// The emulated "now" that every timestamp and every transition is measured against.
/// Real time by default; in manual mode it stands still until <see cref="Advance"/> moves it.
public sealed class EmulatorClock
{
    private readonly object gate = new();
    private TimeSpan offset;
    private DateTime? frozenAt;

    public EmulatorClock(TimeProvider time, EmulatorOptions options)
    {
        Time = time;
        if (options.ManualClock)
        {
            frozenAt = time.GetUtcNow().UtcDateTime;
        }
    }

    public TimeProvider Time { get; }

    public bool IsManual => frozenAt is not null;

    /// UTC, truncated to the millisecond so that stored and returned timestamps compare equal.
    public DateTime UtcNow
    {
        get
        {
            DateTime now;
            lock (gate)
            {
                now = (frozenAt ?? Time.GetUtcNow().UtcDateTime) + offset;
            }

            return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
        }
    }

    /// Moves emulated time forward. In real-time mode this jumps ahead of the wall clock, and stays ahead.
    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            offset += by;
        }
    }

    public void SetManual(bool manual)
    {
        lock (gate)
        {
            var now = (frozenAt ?? Time.GetUtcNow().UtcDateTime) + offset;
            offset = manual ? TimeSpan.Zero : now - Time.GetUtcNow().UtcDateTime;
            frozenAt = manual ? now : null;
        }
    }
}
