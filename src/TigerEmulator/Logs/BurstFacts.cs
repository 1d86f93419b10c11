namespace TigerEmulator.Logs;

/// The particulars one start-up, shutdown or failover is written with, drawn once per event.
/// Previous: when the database last went down (start-up) or was last known up (recovery).
internal sealed record BurstFacts(DateTime At, DateTime Previous, int Pid, int ChildPid, ulong Lsn, int Buffers, int TimelineId, bool Timescale)
{
    public string LsnText => Wal.Format(Lsn);

    /// A position a little further on, where recovery finishes or a shutdown checkpoint lands.
    public string LaterLsnText => Wal.Format(Lsn + (ulong)(Buffers * 96));

    public string PreviousText => $"{Previous:yyyy-MM-dd HH:mm:ss} UTC";

    public string CheckpointStats =>
        $"wrote {Buffers} buffers ({Buffers / 163.84:0.0}%); 0 WAL file(s) added, 0 removed, 0 recycled; "
        + $"write={Buffers / 9000.0:0.000} s, sync=0.002 s, total={(Buffers / 9000.0) + 0.004:0.000} s; sync files={(Buffers % 40) + 2}, "
        + $"longest=0.001 s, average=0.001 s; distance={Buffers * 8} kB, estimate={Buffers * 8} kB; lsn={LaterLsnText}, redo lsn={LaterLsnText}";
}

/// One line of a script: its severity and how it is written from the event's facts.
internal sealed record ScriptLine(string Severity, Func<BurstFacts, string> Write)
{
    public static ScriptLine Log(Func<BurstFacts, string> write) => new("LOG", write);

    public static ScriptLine Log(string text) => new("LOG", _ => text);
}
