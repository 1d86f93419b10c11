using System.Buffers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TigerEmulator.Lifecycle;
using TigerEmulator.Logs;
using TigerEmulator.Services;
using TigerEmulator.Storage;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Logs;

/// A node's whole log, oldest first, found by stepping through every piece line by line while the line is before the
/// piece's end and not after now — none of the counting, searching or cursor arithmetic that pages use.
internal sealed class BruteForceLog
{
    private readonly List<(LogPiece Piece, long Index, DateTime Time)> positions = [];

    public BruteForceLog(TigerEmulatorFactory factory, string serviceId, int node)
    {
        var service = factory.Services.GetRequiredService<IStore<ServiceDocument>>().Get(serviceId)!;
        var settings = factory.Services.GetRequiredService<IOptionsMonitor<LogSettings>>().CurrentValue;
        var now = factory.Services.GetRequiredService<EmulatorClock>().UtcNow;
        foreach (var piece in new LogTimelineBuilder(service, node, now, settings).Build())
        {
            for (long index = 0; index < piece.Capacity; index++)
            {
                var time = piece.TimeOf(index);
                if (time >= piece.End || time > now)
                {
                    break;
                }

                positions.Add((piece, index, time));
            }
        }
    }

    public int Count => positions.Count;

    public DateTime TimeAt(int position) => positions[position].Time;

    /// The entries in [since, until] that pass the test, newest first, as a client should receive them; a line becomes an
    /// entry only once it has passed, so that a large log is not held whole.
    public List<WalkedEntry> Window(DateTime? since, DateTime? until, Func<LogLine, bool> passes) => positions
        .Where(p => (since is null || p.Time >= since) && (until is null || p.Time <= until))
        .Reverse()
        .Select(p => p.Piece.Line(p.Index))
        .Where(passes)
        .Select(WalkedEntry.From)
        .ToList();

    /// The entries whose message holds the ASCII term in any case, newest first. For a large log: each message is written
    /// into one buffer and lower-cased there, and only a match becomes an entry.
    public List<WalkedEntry> Containing(string term)
    {
        var lower = Encoding.ASCII.GetBytes(term.ToLowerInvariant());
        using var message = new LineText(1024);
        var folded = new byte[64 * 1024];
        var found = new List<WalkedEntry>();
        for (var i = positions.Count - 1; i >= 0; i--)
        {
            var (piece, index, _) = positions[i];
            message.Clear();
            piece.Write(index, message);
            var status = Ascii.ToLower(message.Written, folded, out var length);
            Assert.Equal(OperationStatus.Done, status);
            if (folded.AsSpan(0, length).IndexOf(lower) >= 0)
            {
                found.Add(WalkedEntry.From(piece.Line(index)));
            }
        }

        return found;
    }

    /// The entries in [since, until], newest first, as a client should receive them.
    public List<WalkedEntry> Window(DateTime? since, DateTime? until) => positions
        .Where(p => (since is null || p.Time >= since) && (until is null || p.Time <= until))
        .Reverse()
        .Select(p => WalkedEntry.From(p.Piece.Line(p.Index)))
        .ToList();
}
