using TigerEmulator.Admin;

namespace TigerEmulator.Journal;

/// The last N requests to the contract API, newest first on the way out (like WireMock's request log).
/// A reset empties it and starts the sequence again, so replays of one script number their requests alike.
public sealed class RequestJournal(EmulatorOptions options) : IResetParticipant
{
    private readonly Lock gate = new();
    private readonly LinkedList<JournalEntry> entries = new();
    private long sequence;

    public int Capacity { get; } = options.JournalSize;

    public long NextSequence()
    {
        lock (gate)
        {
            return ++sequence;
        }
    }

    public void Record(JournalEntry entry)
    {
        if (Capacity == 0)
        {
            return;
        }

        lock (gate)
        {
            entries.AddFirst(entry);
            while (entries.Count > Capacity)
            {
                entries.RemoveLast();
            }
        }
    }

    public IReadOnlyList<JournalEntry> Find(JournalQuery query, int? limit = null)
    {
        lock (gate)
        {
            // Concurrent requests can finish out of order; newest first means by arrival.
            var found = entries.Where(query.Matches).OrderByDescending(entry => entry.Sequence);
            return (limit is { } count ? found.Take(count) : found).ToList();
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
            sequence = 0;
        }
    }

    public void AfterReset() => Clear();
}
