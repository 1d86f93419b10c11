namespace TigerEmulator.Logs;

/// The lines one lifecycle event writes on a node, a few milliseconds apart, starting right at the event.
internal sealed class LifecycleBurst(IReadOnlyList<ScriptLine> script, BurstFacts facts, DateTime[] times, DateTime end, DateTime now)
    : LogPiece(facts.At, end, now)
{
    // Worked out when a filter asks: an unfiltered page lays out every burst of the history and asks nothing of them.
    private SeveritySet? severities;

    public override long Capacity => script.Count;

    public override SeveritySet Severities => severities ??= script.Aggregate(SeveritySet.None, (set, line) => set | SeverityNames.Of(line.Severity));

    public override DateTime TimeOf(long index) => times[index];

    // Bursts are a handful of lines per lifecycle event, so their messages stay plain strings.
    public override LogStamp Write(long index, LineText text)
    {
        text.Append(script[(int)index].Write(facts));
        return new LogStamp(times[index], script[(int)index].Severity, facts.Pid);
    }

    public override string SeverityOf(long index) => script[(int)index].Severity;

    protected override long CountBeforeAnyTime(DateTime time)
    {
        var count = 0;
        while (count < times.Length && times[count] < time)
        {
            count++;
        }

        return count;
    }

    /// When each line of a script is written: 1–40 ms apart, the first within 40 ms of the event.
    public static DateTime[] Schedule(int lines, DateTime at, ulong hash)
    {
        var times = new DateTime[lines];
        for (var i = 0; i < lines; i++)
        {
            at = at.AddMilliseconds((long)(SlotHash.Mix(hash, i) % 40) + (i == 0 ? 0 : 1));
            times[i] = at;
        }

        return times;
    }
}
