namespace TigerEmulator.Logs;

/// How often each kind of steady line appears: ERROR at the error ratio, WARNING at half and FATAL at a tenth of it,
/// TimescaleDB job reports (INFO) on a TimescaleDB primary, everyday LOG lines for the rest.
/// Pairs (connection received → authorized, checkpoint starting → complete) open only at even indices and are
/// completed at the next odd one, so any line's kind depends on at most its predecessor.
internal sealed class TrafficMix
{
    private static readonly (TrafficKind Kind, double Weight)[] PrimaryLog =
    [
        (TrafficKind.ConnectionReceived, 0.19), (TrafficKind.Disconnection, 0.205), (TrafficKind.CheckpointStarting, 0.015),
        (TrafficKind.AutoVacuum, 0.08), (TrafficKind.AutoAnalyze, 0.06), (TrafficKind.SlowStatement, 0.195),
        (TrafficKind.TemporaryFile, 0.03), (TrafficKind.LockWait, 0.02),
    ];

    private static readonly (TrafficKind Kind, double Weight)[] ReplicaLog =
    [
        (TrafficKind.ConnectionReceived, 0.2), (TrafficKind.Disconnection, 0.2), (TrafficKind.CheckpointStarting, 0.02),
        (TrafficKind.RecoveryRestartPoint, 0.04), (TrafficKind.SlowStatement, 0.25), (TrafficKind.TemporaryFile, 0.07),
    ];

    private readonly (TrafficKind Kind, double Upto)[] atEven;
    private readonly (TrafficKind Kind, double Upto)[] atOdd;

    public TrafficMix(double errorRatio, bool replica, bool timescale)
    {
        var info = timescale && !replica ? 0.04 : 0;
        var log = 1 - (1.6 * errorRatio) - info;
        var logKinds = replica ? ReplicaLog : PrimaryLog;
        var logWeight = logKinds.Sum(k => IsPairHead(k.Kind) ? 2 * k.Weight : k.Weight);
        List<(TrafficKind Kind, double Share)> shares =
        [
            .. logKinds.Select(k => (k.Kind, log * k.Weight / logWeight)),
            (TrafficKind.TimescaleJob, info),
            (TrafficKind.Warning, errorRatio / 2),
            (TrafficKind.Error, errorRatio),
            (TrafficKind.Fatal, errorRatio / 10),
        ];
        shares.RemoveAll(s => s.Share <= 0);

        // A pair takes two lines, so its head is twice as likely at the even indices where it may open.
        atEven = Cumulative(shares.Select(s => (s.Kind, IsPairHead(s.Kind) ? 2 * s.Share : s.Share)));
        atOdd = Cumulative(shares.Where(s => !IsPairHead(s.Kind)));
    }

    /// Every kind the mix can pick but the second line of a pair, which is LOG as its first is.
    public IEnumerable<TrafficKind> Kinds => atEven.Select(k => k.Kind);

    /// The kind at an index, from the uniform draws of that index and of the one before it.
    public TrafficKind Pick(long index, double draw, double previousDraw)
    {
        if (index % 2 == 0)
        {
            return Find(atEven, draw);
        }

        return Find(atEven, previousDraw) switch
        {
            TrafficKind.ConnectionReceived => TrafficKind.ConnectionAuthorized,
            TrafficKind.CheckpointStarting => TrafficKind.CheckpointComplete,
            _ => Find(atOdd, draw),
        };
    }

    /// Whether a line at an odd index completes a connection, given the draw of the line before it.
    public bool CompletesConnection(double previousDraw) => Find(atEven, previousDraw) == TrafficKind.ConnectionReceived;

    public static bool IsPairHead(TrafficKind kind) => kind is TrafficKind.ConnectionReceived or TrafficKind.CheckpointStarting;

    private static (TrafficKind, double)[] Cumulative(IEnumerable<(TrafficKind Kind, double Share)> shares)
    {
        var list = shares.ToList();
        var total = list.Sum(s => s.Share);
        var upto = 0.0;
        return list.Select(s => (s.Kind, upto += s.Share / total)).ToArray();
    }

    private static TrafficKind Find((TrafficKind Kind, double Upto)[] table, double draw)
    {
        foreach (var (kind, upto) in table)
        {
            if (draw < upto)
            {
                return kind;
            }
        }

        return table[^1].Kind;
    }
}
