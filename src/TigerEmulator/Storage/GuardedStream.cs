namespace TigerEmulator.Storage;

/// A data folder file as LiteDB sees it. LiteDB writes its log on a thread of its own, where an exception (a full disk,
/// a read-only remount) ends the process; here a failed write is kept as <see cref="Failure"/> instead, and every later
/// write is dropped, so that the file stays as it was when the disk gave out. The group commit reads the failure
/// after each group and throws the engine away; the next group opens the file afresh, and LiteDB ignores what it
/// finds of a transaction that was never confirmed.
internal sealed class GuardedStream(Stream file) : Stream
{
    public Exception? Failure { get; private set; }

    public override bool CanRead => file.CanRead;

    public override bool CanSeek => file.CanSeek;

    public override bool CanWrite => file.CanWrite;

    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => file.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => file.Write(buffer, offset, count));

    public override void SetLength(long value) => Guard(() => file.SetLength(value));

    // To the operating system, not the platter: a write the process has handed over survives the process being killed,
    // and an acknowledgement does not wait for the disk's cache (about 5 ms a sync on this project's machine).
    public override void Flush() => Guard(file.Flush);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                file.Dispose();
            }
            catch (IOException)
            {
                // Closing flushes nothing more (writes are unbuffered); a failure here was already seen.
            }
        }

        base.Dispose(disposing);
    }

    private void Guard(Action write)
    {
        if (Failure is not null)
        {
            return;
        }

        try
        {
            write();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Failure = exception;
        }
    }
}
