using System.Threading.Channels;

namespace TigerEmulator.Storage;

/// Carries changes the write-ahead log already holds into LiteDB, behind the requests, as many to a transaction as have
/// queued: a LiteDB transaction costs about as much as the writes in it, so a large one costs a fraction a write. Once a
/// sealed log segment is wholly in LiteDB's files, the segment goes. A batch LiteDB cannot store (a full disk) stays
/// in the log, which the next start applies again, so from then on no segment is let go.
internal sealed class WriteBehind
{
    private const int BatchSize = 4000;

    // Between two transactions: nothing waits for LiteDB, and a transaction of a few documents costs LiteDB about what
    // one of thousands does, so committing as soon as something is queued would spend a core on small ones.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    private readonly Channel<Item> items = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly DataFile file;
    private readonly string folder;
    private readonly ILogger? logger;
    private readonly Task reader;
    private bool failed;

    public WriteBehind(DataFile file, string folder, ILogger? logger)
    {
        this.file = file;
        this.folder = folder;
        this.logger = logger;
        reader = Task.Run(DrainAsync);
    }

    public void Enqueue(IReadOnlyList<FileWrite> writes) => items.Writer.TryWrite(new Item(writes, null, null));

    /// Lets the log's segments up to this one go once LiteDB holds everything handed over before.
    public void Seal(long segment) => items.Writer.TryWrite(new Item(null, segment, null));

    /// Waits until LiteDB holds every change handed over before the call.
    public void Flush()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (items.Writer.TryWrite(new Item(null, null, done)))
        {
            done.Task.Wait();
        }
    }

    /// Stores what is pending, then lets every segment up to <paramref name="lastSegment"/> go if LiteDB holds all.
    public void Stop(long lastSegment)
    {
        Seal(lastSegment);
        items.Writer.TryComplete();
        reader.Wait();
    }

    private async Task DrainAsync()
    {
        var batch = new List<FileWrite>(BatchSize);
        while (await items.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < BatchSize && items.Reader.TryRead(out var item))
            {
                if (item.Writes is { } writes)
                {
                    batch.AddRange(writes);
                    continue;
                }

                Commit(batch);
                if (item.Segment is { } segment)
                {
                    Release(segment);
                }

                item.Flushed?.SetResult();
            }

            Commit(batch);
            await Task.Delay(Gather).ConfigureAwait(false);
        }
    }

    private void Commit(List<FileWrite> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            var database = file.Database;
            database.BeginTrans();
            foreach (var write in batch)
            {
                write.Apply(database);
            }

            database.Commit();
        }
        catch (Exception exception)
        {
            file.Discard();
            Failed(exception, batch.Count);
        }

        batch.Clear();
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
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or LiteDB.LiteException)
        {
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
