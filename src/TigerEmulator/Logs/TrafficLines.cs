namespace TigerEmulator.Logs;

/// Writes a node's steady lines. The kind of line k comes from the traffic mix; its words come from Bogus seeded with
/// the hash of (service, node, seed, piece, k) — a pair's second line reuses its first line's seed, so both name one backend.
internal sealed class TrafficLines(TrafficMix mix, bool replica, DateTime created)
{
    private readonly SlotRandomizer random = new();

    /// A connection is authorized milliseconds after it is received, not a slot later.
    public bool CompletesConnection(long index, ulong pieceHash) =>
        index % 2 == 1 && mix.CompletesConnection(SlotHash.Uniform(SlotHash.Mix(pieceHash, index - 1)));

    public LogLine Write(long index, ulong pieceHash, DateTime timestamp)
    {
        var seed = SlotHash.Mix(pieceHash, index);
        var previous = index % 2 == 1 ? SlotHash.Mix(pieceHash, index - 1) : 0;
        var kind = mix.Pick(index, SlotHash.Uniform(seed), SlotHash.Uniform(previous));
        var r = random.Seeded(kind is TrafficKind.ConnectionAuthorized or TrafficKind.CheckpointComplete ? previous : seed);
        var pid = r.Number(1000, 65000);
        var line = new LineContext(r, timestamp, created, replica);
        var message = kind switch
        {
            TrafficKind.ConnectionReceived or TrafficKind.ConnectionAuthorized or TrafficKind.Disconnection => SessionLines.Write(kind, line),
            TrafficKind.Warning or TrafficKind.Error or TrafficKind.Fatal => ProblemLines.Write(kind, line),
            TrafficKind.SlowStatement or TrafficKind.TemporaryFile or TrafficKind.LockWait => QueryLines.Write(kind, line, pid),
            _ => MaintenanceLines.Write(kind, line),
        };
        return new LogLine(timestamp, SeverityOf(kind), message, pid);
    }

    private static string SeverityOf(TrafficKind kind) => kind switch
    {
        TrafficKind.Warning => "WARNING",
        TrafficKind.Error => "ERROR",
        TrafficKind.Fatal => "FATAL",
        TrafficKind.TimescaleJob => "INFO",
        _ => "LOG",
    };
}

/// What a line writer may draw on: the seeded randomizer, when the line is written, and the node it is written on.
internal readonly record struct LineContext(SlotRandomizer Random, DateTime Timestamp, DateTime Created, bool Replica)
{
    public string Lsn(double secondsAgo = 0) => Wal.Format(Wal.At(Created, Timestamp.AddSeconds(-secondsAgo)));
}
