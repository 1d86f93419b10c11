namespace TigerEmulator.Storage;

/// The in-memory LiteDB's "file": fixed 64 KB pages instead of one MemoryStream array. A MemoryStream grows by
/// doubling one array and copying it, so a database of tens of MB reallocated arrays of 32, 64, 128 MB on the large
/// object heap while services were being created, and every such allocation brought a full collection with it.
/// Pages stay below the large object threshold and are never copied.
internal sealed class MemoryPages : Stream
{
    private const int PageSize = 64 * 1024;

    private readonly List<byte[]> pages = [];
    private long length;
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Max(0, Math.Min(buffer.Length, length - position));
        var done = 0;
        while (done < count)
        {
            var (page, at) = Locate(position + done);
            var chunk = Math.Min(count - done, PageSize - at);
            pages[page].AsSpan(at, chunk).CopyTo(buffer[done..]);
            done += chunk;
        }

        position += count;
        return count;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Reserve(position + buffer.Length);
        var done = 0;
        while (done < buffer.Length)
        {
            var (page, at) = Locate(position + done);
            var chunk = Math.Min(buffer.Length - done, PageSize - at);
            buffer.Slice(done, chunk).CopyTo(pages[page].AsSpan(at));
            done += chunk;
        }

        position += buffer.Length;
        length = Math.Max(length, position);
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => position + offset,
        _ => length + offset,
    };

    public override void SetLength(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Reserve(value);
        var kept = (int)((value + PageSize - 1) / PageSize);
        pages.RemoveRange(kept, pages.Count - kept);

        // What lies past the end reads as zeros if the stream grows again, as it would in a file.
        var (last, at) = Locate(value);
        if (last < pages.Count)
        {
            pages[last].AsSpan(at).Clear();
        }

        length = value;
    }

    public override void Flush()
    {
    }

    private static (int Page, int At) Locate(long offset) => ((int)(offset / PageSize), (int)(offset % PageSize));

    private void Reserve(long size)
    {
        while ((long)pages.Count * PageSize < size)
        {
            pages.Add(new byte[PageSize]);
        }
    }
}
