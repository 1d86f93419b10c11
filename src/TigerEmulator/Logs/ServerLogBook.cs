using System.Text.Json;
using TigerEmulator.RealServers;

namespace TigerEmulator.Logs;

/// What the emulator has read of one server's log: its entries in the order read, passwords hidden, on the emulated
/// clock, kept in a file beside the server's log (the book) so that each keeps its ordinal across restarts. Each read
/// of the node's logs first reads what the server wrote since, so an entry is in the book before any page can show
/// what came after it, and the book only ever grows at its newest end.
///
/// Time: an entry is stamped with the moment the server wrote it moved onto the emulated clock (the emulated now minus
/// how long ago, in real time, it was written), never before the previous entry or the previous reading, never after
/// the emulated now. With the clock running as the machine's, that is the time PostgreSQL wrote; with a clock a test
/// holds still, the entries read at one reading share its moment. A failure the lifecycle recorded for the service
/// (a server that would not start) is written into the book at its time, as the generated log tells it.
///
/// Size: past <see cref="DefaultCap"/> entries the book lets its older half go (rewriting its file); the entries left
/// keep their ordinals, so a cursor into them stays exact, and one into what went gives an empty page.
internal sealed class ServerLogBook
{
    /// About 20 MB of book for a busy server's log.
    public const int DefaultCap = 100_000;

    private readonly Lock gate = new();
    private readonly ServerLogPlace place;
    private readonly int cap;
    private ServerEntry[] entries = new ServerEntry[64];
    private int count;
    private SeveritySet severities;

    // The last reading: the file and the offset it stopped at, its emulated now, the newest failure written in.
    private BookMark mark;

    // Entries let go at the oldest end.
    private long dropped;

    private ServerLogBook(ServerLogPlace place, DateTime since, int cap)
    {
        this.place = place;
        this.cap = cap;
        Since = since;
        mark = new BookMark(null, 0, since, DateTime.MinValue);
    }

    /// Where the book begins on the emulated clock: the generated log stops here and the book's entries take over.
    public DateTime Since { get; }

    /// The book kept beside the log, or a new one beginning at the time given.
    public static ServerLogBook Open(ServerLogPlace place, DateTime since, int cap = DefaultCap)
    {
        if (File.Exists(place.BookFile))
        {
            return BookFile.Load(place, (loadedSince, loadedDropped, loaded, loadedMark) =>
            {
                var book = new ServerLogBook(place, loadedSince, cap) { mark = loadedMark, dropped = loadedDropped };
                book.Append(loaded);
                return book;
            });
        }

        BookFile.Create(place.BookFile, since);
        return new ServerLogBook(place, since, cap);
    }

    /// Reads what the server wrote since the last reading into the book, then answers the book as it stands.
    public ServerLogSnapshot Read(DateTime now, DateTime realNow, IEnumerable<(DateTime At, string Reason)> failures)
    {
        lock (gate)
        {
            var read = new List<ServerEntry>();
            var (file, offset) = ServerLogFolder.ReadNew(place.LogFolder, mark.File, mark.Offset, read, Stamper(now, realNow));
            var floor = Floor();
            var failed = failures.Where(f => f.At > mark.LastFailure && f.At >= Since && f.At <= now).OrderBy(f => f.At).ToList();
            var written = Merge(read, failed.Select(f => new ServerEntry(f.At > floor ? f.At : floor, "ERROR", f.Reason.ReplaceLineEndings(" "), read.Count > 0 ? read[^1].Pid : LastPid())));
            var next = new BookMark(file, offset, now, failed.Count > 0 ? failed[^1].At : mark.LastFailure);
            // A reading that found nothing moves the floor in memory only: a client polling the logs must not grow the
            // book. After a restart the floor is the last one written, which can only stamp a new entry earlier, at
            // the book's newest end all the same.
            if (written.Count > 0 || next with { Floor = mark.Floor } != mark)
            {
                BookFile.Append(place.BookFile, written, next);
                Append(written);
            }

            mark = next;

            if (count > cap)
            {
                LetOlderHalfGo();
            }

            return new ServerLogSnapshot(Since, entries, count, severities) { Dropped = dropped };
        }
    }

    // Entries are stamped in order, each at or after the one before and the last reading, and never after now.
    private Func<DateTime, DateTime> Stamper(DateTime now, DateTime realNow)
    {
        var (lowest, shift) = (Floor(), now - realNow);
        return written =>
        {
            var moved = written + shift;
            var stamp = new DateTime(moved.Ticks - (moved.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
            lowest = stamp < lowest ? lowest : stamp > now ? now : stamp;
            return lowest;
        };
    }

    private DateTime Floor() => count > 0 && entries[count - 1].Stamp > mark.Floor ? entries[count - 1].Stamp : mark.Floor;

    private int LastPid() => count > 0 ? entries[count - 1].Pid : 0;

    // Both lists are in time order; the merge keeps the book's times non-decreasing.
    private static List<ServerEntry> Merge(List<ServerEntry> read, IEnumerable<ServerEntry> failures)
    {
        var merged = new List<ServerEntry>(read.Count);
        var at = 0;
        foreach (var failure in failures)
        {
            while (at < read.Count && read[at].Stamp <= failure.Stamp)
            {
                merged.Add(read[at++]);
            }

            merged.Add(failure);
        }

        merged.AddRange(read.Skip(at));
        return merged;
    }

    // The file is rewritten before memory changes: a crash in between leaves the book as it was, or as it is now.
    private void LetOlderHalfGo()
    {
        var kept = entries.AsSpan(count - (cap / 2), cap / 2).ToArray();
        BookFile.Rewrite(place.BookFile, Since, dropped + (count - kept.Length), kept, mark);
        (dropped, entries, count, severities) = (dropped + (count - kept.Length), new ServerEntry[Math.Max(64, kept.Length * 2)], 0, SeveritySet.None);
        Append(kept);
    }

    // Readers hold the array they were given: a larger one is a copy, so the entries they see never move.
    private void Append(IReadOnlyList<ServerEntry> more)
    {
        if (count + more.Count > entries.Length)
        {
            var larger = new ServerEntry[Math.Max(entries.Length * 2, count + more.Count)];
            Array.Copy(entries, larger, count);
            entries = larger;
        }

        foreach (var entry in more)
        {
            entries[count++] = entry;
            severities |= SeverityNames.Of(entry.Severity);
        }
    }
}

/// Where a book's last reading stopped: the log file (null before the first) and offset, the emulated now it was
/// taken at (new entries are stamped at or after it), and the time of the newest failure written into the book.
internal sealed record BookMark(string? File, long Offset, DateTime Floor, DateTime LastFailure);

/// A book as one page reads it: its first Count entries never change. Dropped: entries let go before the first.
internal sealed record ServerLogSnapshot(DateTime Since, ServerEntry[] Entries, int Count, SeveritySet Severities)
{
    public long Dropped { get; init; }
}
