using System.Threading.Channels;
using LiteDB;

namespace TigerEmulator.Storage;

/// Carries writes to LiteDB through a channel drained by one reader task, as many to a transaction as have queued.
/// A LiteDB transaction costs about as much as the writes in it, so committing each write alone made every create
/// wait ~130 µs; batched, they cost a fraction. Reads never wait for this: the stores answer from memory.
internal sealed class WriteBehind
{
    private const int BatchSize = 2000;

    private readonly Channel<Pending> pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly LiteDatabase database;
    private readonly ILogger? logger;
    private readonly Task reader;

    public WriteBehind(LiteDatabase database, ILogger? logger)
    {
        this.database = database;
        this.logger = logger;
        reader = Task.Run(DrainAsync);
    }

    public void Enqueue(Action<LiteDatabase> write)
    {
        if (!pending.Writer.TryWrite(new Pending(write, null)))
        {
            throw new ObjectDisposedException(nameof(WriteBehind), "The data file is closed; the write was not stored");
        }
    }

    /// Returns once every write enqueued before the call is committed to LiteDB: the reader meets this mark after them.
    public void Flush()
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (pending.Writer.TryWrite(new Pending(null, committed)))
        {
            committed.Task.Wait();
        }
    }

    /// Stops the reader after it has stored every pending write; later writes are refused.
    public void Stop()
    {
        pending.Writer.TryComplete();
        reader.Wait();
    }

    private async Task DrainAsync()
    {
        var batch = new List<Action<LiteDatabase>>(BatchSize);
        var marks = new List<TaskCompletionSource>();
        while (await pending.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < BatchSize && pending.Reader.TryRead(out var next))
            {
                if (next.Write is { } write)
                {
                    batch.Add(write);
                }
                else
                {
                    marks.Add(next.Committed!);
                }
            }

            Commit(batch);
            batch.Clear();
            marks.ForEach(mark => mark.SetResult());
            marks.Clear();
        }
    }

    private void Commit(List<Action<LiteDatabase>> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            database.BeginTrans();
            foreach (var write in batch)
            {
                write(database);
            }

            database.Commit();
        }
        catch (Exception exception)
        {
            // Memory already holds these changes; losing them from the file is the worst outcome, so say so loudly.
            database.Rollback();
            logger?.LogError(exception, "{Count} writes could not be stored in LiteDB", batch.Count);
        }
    }

    /// A write, or a flush's mark to complete once everything before it is committed.
    private readonly record struct Pending(Action<LiteDatabase>? Write, TaskCompletionSource? Committed);
}
