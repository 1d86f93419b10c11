using System.Collections.Concurrent;
using LiteDB;

namespace TigerEmulator.Storage;

/// Carries writes to LiteDB on one thread, many to a transaction. A LiteDB transaction costs about as much as the
/// writes in it, so committing each write alone made every create wait ~130 µs; batched, they cost a fraction.
/// Reads never wait for this: the stores answer from memory. <see cref="Flush"/> waits until LiteDB has it all.
internal sealed class WriteBehind
{
    private const int BatchSize = 2000;

    private readonly LiteDatabase database;
    private readonly ILogger? logger;
    private readonly ConcurrentQueue<Action<LiteDatabase>> pending = new();
    private readonly SemaphoreSlim work = new(0);
    private readonly object progress = new();
    private readonly Thread thread;
    private long queued;
    private long written;
    private volatile bool stopping;
    private volatile bool discarding;

    public WriteBehind(LiteDatabase database, ILogger? logger)
    {
        this.database = database;
        this.logger = logger;
        thread = new Thread(Run) { IsBackground = true, Name = "TigerEmulator.WriteBehind" };
        thread.Start();
    }

    public void Enqueue(Action<LiteDatabase> write)
    {
        Interlocked.Increment(ref queued);
        pending.Enqueue(write);
        work.Release();
    }

    /// Returns once every write enqueued before the call is committed to LiteDB.
    public void Flush()
    {
        var target = Interlocked.Read(ref queued);
        lock (progress)
        {
            while (Interlocked.Read(ref written) < target)
            {
                Monitor.Wait(progress, TimeSpan.FromMilliseconds(100));
            }
        }
    }

    /// Stops the writer thread: after storing every pending write, or, with <paramref name="discard"/>, at once
    /// (a database about to be thrown away need not store its last writes).
    public void Stop(bool discard)
    {
        if (!discard)
        {
            Flush();
        }

        discarding = discard;
        stopping = true;
        work.Release();
        thread.Join();
        work.Dispose();
    }

    private void Run()
    {
        while (true)
        {
            work.Wait();
            if (stopping && (pending.IsEmpty || discarding))
            {
                return;
            }

            var batch = new List<Action<LiteDatabase>>(BatchSize);
            while (batch.Count < BatchSize && pending.TryDequeue(out var write))
            {
                batch.Add(write);
            }

            Commit(batch);
            lock (progress)
            {
                Interlocked.Add(ref written, batch.Count);
                Monitor.PulseAll(progress);
            }
        }
    }

    private void Commit(List<Action<LiteDatabase>> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var opened = database;
        try
        {
            opened.BeginTrans();
            foreach (var write in batch)
            {
                write(opened);
            }

            opened.Commit();
        }
        catch (Exception exception)
        {
            // Memory already holds these changes; losing them from the file is the worst outcome, so say so loudly.
            opened.Rollback();
            logger?.LogError(exception, "{Count} writes could not be stored in LiteDB", batch.Count);
        }
    }
}
