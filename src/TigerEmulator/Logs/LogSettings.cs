namespace TigerEmulator.Logs;

/// The scenario knobs of generated service logs, bound from the "Logs" configuration section; a scenario sets them.
/// Defaults: 6 steady entries a minute on each node (one every 10 s, a quiet development database), 2% of them ERROR
/// (with WARNING at half and FATAL at a tenth of that), and the emulator's seed (TIGER_EMULATOR_SEED, 1 unless set).
public sealed record LogSettings
{
    public const string Section = "Logs";

    /// Steady lines per minute per node, besides the lines of start-ups and shutdowns; 0 &lt; rate ≤ 60000.
    public double EntriesPerMinute { get; set; } = 6;

    /// Share of steady lines that are ERROR, between 0 and 0.5.
    public double ErrorRatio { get; set; } = 0.02;

    /// With the service id and node, decides every generated line: same seed, same log.
    public int Seed { get; set; } = 1;

    /// The spacing of steady lines, whole milliseconds so that timestamps survive JSON unchanged.
    public TimeSpan Interval => TimeSpan.FromMilliseconds(Math.Max(1, Math.Round(60_000 / EntriesPerMinute)));

    public bool IsValid => EntriesPerMinute is > 0 and <= 60_000 && ErrorRatio is >= 0 and <= 0.5;
}
