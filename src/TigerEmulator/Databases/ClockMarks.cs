namespace TigerEmulator.Databases;

/// Which real time each emulated time was seen at. PostgreSQL stamps its WAL with the machine's real time, while a
/// PITR fork's target_time is on the emulated clock (which a test may have moved by hours): a mark is taken at each
/// lifecycle change, each watch tick and each read of GET /_emulator/databases, and a target maps to the real time of
/// the last mark at or before it (plus the emulated time since, capped by the next mark).
public sealed class ClockMarks(Lifecycle.EmulatorClock clock)
{
    private const int Kept = 10_000;
    private readonly Lock gate = new();
    private readonly List<(DateTime Emulated, DateTime Real)> marks = [];

    public (DateTime Emulated, DateTime Real) Mark()
    {
        (DateTime Emulated, DateTime Real) mark = (clock.UtcNow, TimeProvider.System.GetUtcNow().UtcDateTime);
        lock (gate)
        {
            marks.Add(mark);
            if (marks.Count > Kept)
            {
                marks.RemoveRange(0, marks.Count - Kept);
            }
        }

        return mark;
    }

    public DateTime RealTimeOf(DateTime emulated)
    {
        var now = Mark();
        lock (gate)
        {
            var before = marks.Where(m => m.Emulated <= emulated).DefaultIfEmpty((Emulated: emulated, Real: marks[0].Real)).MaxBy(m => m.Real);
            var after = marks.Where(m => m.Emulated > emulated && m.Real > before.Real).Select(m => m.Real).DefaultIfEmpty(now.Real).Min();
            var real = before.Real + (emulated - before.Emulated);
            return real < after ? real : after;
        }
    }
}
