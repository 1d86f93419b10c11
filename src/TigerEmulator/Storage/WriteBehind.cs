using System.Collections.Concurrent;
using System.Diagnostics;

namespace TigerEmulator.Storage;

/// Carries changes the write-ahead log already holds into LiteDB, behind the requests, gathered for a while into one
/// transaction with one write a document (<see cref="PendingWrites"/>): LiteDB's cost is per document written, and
/// under load most documents change several times within the gathering (a created service moves through two more
/// statuses), so each is written once, in its last state. Nothing waits for LiteDB but a flush: the log holds every
/// change meanwhile. Once a sealed log segment is wholly in LiteDB's files, the segment goes. A batch LiteDB cannot
/// store (a full disk) stays in the log, which the next start applies again, so from then on no segment is let go.
internal sealed class WriteBehind
{
    // How long changes are gathered before they go to LiteDB, and how many documents at most: the longer, the more
    // changes of one document fold into one write; the pending documents are held in memory meanwhile.
    private static readonly TimeSpan Gather = TimeSpan.FromSeconds(2);
    private const int MostPending = 20_000;

    private readonly BlockingCollection<Item> items = [];
    private readonly PendingWrites pending = new();
    private readonly Stopwatch gathering = new();
    private readonly DataFile file;
    private readonly string folder;
    private readonly ILogger? logger;
    private readonly Thread reader;
    private long? sealedSegment;
    private bool failed;

    public WriteBehind(DataFile file, string folder, ILogger? logger)
    {
        this.file = file;
        this.folder = folder;
        this.logger = logger;
        // A thread of its own: a transaction of thousands of documents would otherwise hold one of the few thread pool
        // threads a 2-core machine starts with, which the requests need.
        reader = new Thread(Drain) { IsBackground = true, Name = "LiteDB write-behind" };
        reader.Start();
    }

    public void Enqueue(IReadOnlyList<FileWrite> writes) => TryAdd(new Item(writes, null, null));

    /// Lets the log's segments up to this one go once LiteDB holds everything handed over before.
    public void Seal(long segment) => TryAdd(new Item(null, segment, null));

    /// Waits until LiteDB holds every change handed over before the call.
    public void Flush()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (TryAdd(new Item(null, null, done)))
        {
            done.Task.Wait();
        }
    }

    /// Stores what is pending, then lets every segment up to <paramref name="lastSegment"/> go if LiteDB holds all.
    public void Stop(long lastSegment)
    {
        Seal(lastSegment);
        items.CompleteAdding();
        reader.Join();
    }

    private bool TryAdd(Item item)
    {
        try
        {
            return items.TryAdd(item);
        }
        catch (InvalidOperationException)
        {
            // Stopped: everything was stored on the way out.
            return false;
        }
    }

    private void Drain()
    {
        while (!items.IsCompleted)
        {
            if (!items.TryTake(out var item, Remaining()))
            {
                // The gathering is over (or the collection was completed and is empty).
                Commit();
                continue;
            }

            if (item.Writes is { } writes)
            {
                if (pending.Count == 0)
                {
                    gathering.Restart();
                }

                foreach (var write in writes)
                {
                    pending.Add(write);
                }

                if (pending.Count >= MostPending)
                {
                    Commit();
                }
            }
            else if (item.Segment is { } segment)
            {
                // Let go at the next commit, which holds every change of the segment.
                sealedSegment = segment;
            }
            else
            {
                Commit();
                item.Flushed!.SetResult();
            }
        }

        Commit();
    }

    private int Remaining() =>
        pending.Count == 0 && sealedSegment is null
            ? Timeout.Infinite
            : (int)Math.Max(0, (Gather - gathering.Elapsed).TotalMilliseconds);

    private void Commit()
    {
        if (pending.Count > 0)
        {
            Store();
        }

        if (sealedSegment is { } segment)
        {
            Release(segment);
            sealedSegment = null;
        }
    }

    private void Store()
    {
        var count = pending.Count;
        try
        {
            var database = file.Database;
            database.BeginTrans();
            pending.ApplyTo(database);
            database.Commit();
        }
        catch (Exception exception)
        {
            file.Discard();
            Failed(exception, count);
        }

        pending.Clear();
    }

    // A checkpoint waits for LiteDB's own writer thread and folds its log into the data file.
    private void Release(long segment)
    {
        try
        {
            file.Database.Checkpoint();
            if (file.Failure is { } refused)
            {
                file.Discard();
                Failed(refused, 0);
            }

            if (!failed)
            {
                WriteAheadLog.Forget(folder, segment);
            }
        }
        catch (Exception exception)
        {
            // Whatever it is, on this thread of its own it would end the process: the log keeps the changes instead.
            file.Discard();
            Failed(exception, 0);
        }
    }

    private void Failed(Exception exception, int count)
    {
        if (!failed)
        {
            logger?.LogError("LiteDB could not store {Count} changes ({Cause}); the write-ahead log keeps them for the next start", count, exception.Message);
        }

        failed = true;
    }

    private readonly record struct Item(IReadOnlyList<FileWrite>? Writes, long? Segment, TaskCompletionSource? Flushed);
}
