namespace TigerEmulator.Storage;

/// Puts changes in the write-ahead log in groups: every change handed over while one group is being appended goes into
/// the next, so requests that arrive together share one write, and each answer waits for its own group only
/// (<see cref="DurableWrites"/>); LiteDB gets them behind (<see cref="WriteBehind"/>). A group the disk refuses is taken
/// back from memory, newest change first, with every change queued behind it (they were made on top of it), and their
/// requests are told why.
internal sealed class GroupCommit
{
    private readonly WriteAheadLog log;
    private readonly WriteBehind behind;
    private readonly StateLock state;
    private readonly ILogger? logger;
    private static readonly TimeSpan HandOver = TimeSpan.FromMilliseconds(5);

    private readonly SemaphoreSlim wake = new(0);
    private readonly Task reader;
    private List<Pending> open = [];
    private TaskCompletionSource<Exception?> opened = NewGroup();
    private Task<Exception?> latest = Task.FromResult<Exception?>(null);
    private bool stopped;
    private bool failing;
    private int leading;

    public GroupCommit(WriteAheadLog log, WriteBehind behind, StateLock state, ILogger? logger)
    {
        this.log = log;
        this.behind = behind;
        this.state = state;
        this.logger = logger;
        reader = Task.Run(RunAsync);
    }

    /// Under the state lock, once memory holds the change; <paramref name="undo"/> takes it back if the disk refuses it.
    /// <paramref name="write"/> is made into bytes on the log's thread, out of the lock.
    public void Enqueue(FileWrite write, Action undo)
    {
        ObjectDisposedException.ThrowIf(stopped, this);
        open.Add(new Pending(write, undo));
        if (open.Count == 1)
        {
            latest = opened.Task;
            wake.Release();
        }

        DurableWrites.Note(this, opened.Task);
    }

    /// Waits until every write handed over so far is in the log (or refused) and in LiteDB.
    public void Flush()
    {
        Task<Exception?> last;
        using (state.Hold())
        {
            last = latest;
        }

        last.Wait();
        behind.Flush();
    }

    /// Stores what is pending, then refuses later writes; LiteDB takes everything, and the log goes.
    public void Stop()
    {
        using (state.Hold())
        {
            stopped = true;
        }

        wake.Release();
        reader.Wait();
        behind.Stop(log.Number);
        log.Dispose();
    }

    /// Appends the open group, and every group opened meanwhile, unless another thread already does: a request
    /// that waits for its group leads when no one else does, so that the group is written on its own thread rather
    /// than after a hand-over to another (on a busy machine each hand-over waits for a core). The thread that lets
    /// go looks once more, as a write queued just before it let go would otherwise wait for the next one.
    public void Lead()
    {
        while (Interlocked.CompareExchange(ref leading, 1, 0) == 0)
        {
            try
            {
                while (TakeOpenGroup() is { } group)
                {
                    Commit(group.Pending, group.Done);
                }
            }
            finally
            {
                Interlocked.Exchange(ref leading, 0);
            }

            using (state.Hold())
            {
                if (open.Count == 0)
                {
                    return;
                }
            }
        }
    }

    // The lifecycle worker's changes have no request to lead their group; this does, soon after they are queued. It
    // waits a moment first, so that a request's own thread leads when there is one.
    private async Task RunAsync()
    {
        while (true)
        {
            await wake.WaitAsync().ConfigureAwait(false);
            await Task.Delay(HandOver).ConfigureAwait(false);
            Lead();
            using (state.Hold())
            {
                if (stopped && open.Count == 0)
                {
                    return;
                }
            }
        }
    }

    private (List<Pending> Pending, TaskCompletionSource<Exception?> Done)? TakeOpenGroup()
    {
        using (state.Hold())
        {
            if (open.Count == 0)
            {
                return null;
            }

            var group = (open, opened);
            open = [];
            opened = NewGroup();
            return group;
        }
    }

    private void Commit(List<Pending> group, TaskCompletionSource<Exception?> done)
    {
        var writes = group.ConvertAll(pending => pending.Write);
        if (Append(writes) is { } failure)
        {
            TakeBack(group, done, failure);
            return;
        }

        // Handed on before the group completes, so that whoever waited for it and then flushes LiteDB finds them there.
        behind.Enqueue(writes);
        Recovered();
        done.SetResult(null);
        if (log.Rotate() is { } sealedSegment)
        {
            behind.Seal(sealedSegment);
        }
    }

    private Exception? Append(List<FileWrite> writes)
    {
        try
        {
            log.Append(writes);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return exception;
        }
    }

    private void TakeBack(List<Pending> group, TaskCompletionSource<Exception?> done, Exception failure)
    {
        TaskCompletionSource<Exception?> behind;
        using (state.Hold())
        {
            Undo(open);
            Undo(group);
            behind = opened;
            open = [];
            opened = NewGroup();
        }

        if (!failing)
        {
            failing = true;
            logger?.LogError("The data folder refuses writes ({Cause}); changes are refused until it takes them again", failure.Message);
        }

        behind.SetResult(failure);
        done.SetResult(failure);
    }

    private void Recovered()
    {
        if (failing)
        {
            failing = false;
            logger?.LogInformation("The data folder takes writes again");
        }
    }

    private static void Undo(List<Pending> writes)
    {
        for (var i = writes.Count - 1; i >= 0; i--)
        {
            writes[i].Undo();
        }
    }

    private static TaskCompletionSource<Exception?> NewGroup() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly record struct Pending(FileWrite Write, Action Undo);
}
