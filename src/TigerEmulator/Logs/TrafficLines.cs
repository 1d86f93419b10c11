namespace TigerEmulator.Logs;

/// Writes a node's steady lines. The kind of line k comes from the traffic mix; its words come from draws seeded with
/// the hash of (service, node, seed, piece, k) — a pair's second line reuses its first line's seed, so both name one backend.
internal sealed class TrafficLines(TrafficMix mix, bool replica, DateTime created)
{
    private readonly SlotDraws draws = new();
    private SeveritySet? severities;

    /// A connection is authorized milliseconds after it is received, not a slot later.
    public bool CompletesConnection(long index, ulong pieceHash) =>
        index % 2 == 1 && mix.CompletesConnection(SlotHash.Uniform(SlotHash.Mix(pieceHash, index - 1)));

    /// The severities of every kind the mix can pick, worked out when a filter first asks.
    public SeveritySet Severities => severities ??= mix.Kinds.Aggregate(SeveritySet.None, (set, kind) => set | SeverityNames.Of(SeverityOf(kind)));

    public string SeverityOf(long index, ulong pieceHash) => SeverityOf(Draw(index, pieceHash).Kind);

    public LogStamp Write(long index, ulong pieceHash, DateTime timestamp, LineText text)
    {
        var (kind, seed, previous) = Draw(index, pieceHash);
        var r = draws.Seeded(kind is TrafficKind.ConnectionAuthorized or TrafficKind.CheckpointComplete ? previous : seed);
        var pid = r.Number(1000, 65000);
        var line = new LineContext(r, text, timestamp, created, replica);
        switch (kind)
        {
            case TrafficKind.ConnectionReceived or TrafficKind.ConnectionAuthorized or TrafficKind.Disconnection:
                SessionLines.Write(kind, line);
                break;
            case TrafficKind.Warning or TrafficKind.Error or TrafficKind.Fatal:
                ProblemLines.Write(kind, line);
                break;
            case TrafficKind.SlowStatement or TrafficKind.TemporaryFile or TrafficKind.LockWait:
                QueryLines.Write(kind, line, pid);
                break;
            default:
                MaintenanceLines.Write(kind, line);
                break;
        }

        return new LogStamp(timestamp, SeverityOf(kind), pid);
    }

    // The line's kind, from its own seed and its predecessor's (none at an even index, where no pair is completed).
    private (TrafficKind Kind, ulong Seed, ulong Previous) Draw(long index, ulong pieceHash)
    {
        var seed = SlotHash.Mix(pieceHash, index);
        var previous = index % 2 == 1 ? SlotHash.Mix(pieceHash, index - 1) : 0;
        return (mix.Pick(index, SlotHash.Uniform(seed), SlotHash.Uniform(previous)), seed, previous);
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

/// What a line writer may draw on: the line's draws, the text it writes into, when the line is written and the node it
/// is written on.
internal readonly record struct LineContext(SlotDraws Random, LineText Text, DateTime Timestamp, DateTime Created, bool Replica)
{
    public WalPosition Lsn(double secondsAgo = 0) => new(Wal.At(Created, Timestamp.AddSeconds(-secondsAgo)));
}
