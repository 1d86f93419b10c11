namespace TigerEmulator.Storage;

/// Puts each change in the write-ahead log as it is made, under the state lock, before the lock is let go: by the time
/// a handler returns, what it changed is in the operating system's hands, so its answer waits for nothing and a killed
/// process loses nothing answered. Without a sync to the platter there is no flush for requests to share, and a group
/// commit's hand-overs cost more than they saved: each answer waited for whichever thread led its group, and on a busy
/// 2-core machine that thread waited for a core (issue 16's ratio 0.36 on a quiet machine, 0.17 at load 35). LiteDB
/// gets the changes behind (<see cref="WriteBehind"/>). A change the disk refuses is taken back from memory at once
/// and the request that made it is told why (<see cref="DurableWrites"/>).
internal sealed class LogWriter
{
    private readonly WriteAheadLog log;
    private readonly WriteBehind behind;
    private readonly StateLock state;
    private readonly ILogger? logger;
    private bool stopped;
    private bool failing;

    public LogWriter(WriteAheadLog log, WriteBehind behind, StateLock state, ILogger? logger)
    {
        this.log = log;
        this.behind = behind;
        this.state = state;
        this.logger = logger;
    }

    /// Under the state lock, once memory holds the change; <paramref name="undo"/> takes it back if the disk refuses it.
    public void Enqueue(Func<FileWrite> write, Action undo)
    {
        ObjectDisposedException.ThrowIf(stopped, this);
        var change = write();
        if (Append(change) is { } failure)
        {
            undo();
            Failing(failure);
            DurableWrites.Refused(failure);
            return;
        }

        Recovered();
        behind.Enqueue([change]);
        if (log.Rotate() is { } sealedSegment)
        {
            behind.Seal(sealedSegment);
        }
    }

    /// Waits until every change handed over so far is in LiteDB (each is in the log once handed over).
    public void Flush() => behind.Flush();

    /// Refuses later changes; LiteDB takes everything, and the log goes.
    public void Stop()
    {
        using (state.Hold())
        {
            stopped = true;
        }

        behind.Stop(log.Number);
        log.Dispose();
    }

    private Exception? Append(FileWrite change)
    {
        try
        {
            log.Append([change.ToRecord()]);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return exception;
        }
    }

    private void Failing(Exception failure)
    {
        if (!failing)
        {
            failing = true;
            logger?.LogError("The data folder refuses writes ({Cause}); changes are refused until it takes them again", failure.Message);
        }
    }

    private void Recovered()
    {
        if (failing)
        {
            failing = false;
            logger?.LogInformation("The data folder takes writes again");
        }
    }
}
