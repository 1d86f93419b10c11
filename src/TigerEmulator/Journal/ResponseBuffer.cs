using System.Buffers;

namespace TigerEmulator.Journal;

/// Holds a whole response body so that it leaves in one write with a Content-Length, instead of in chunks, and so
/// that the journal can read its first bytes. Every contract answer is small enough to hold: the largest, a page of
/// logs, is about 200 KB. The memory comes from the shared pool and goes back on Dispose.
internal sealed class ResponseBuffer : Stream
{
    private byte[] bytes = ArrayPool<byte>.Shared.Rent(4096);
    private int length;

    public ReadOnlyMemory<byte> Written => bytes.AsMemory(0, length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => length;

    public override long Position { get => length; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (length + buffer.Length > bytes.Length)
        {
            Grow(length + buffer.Length);
        }

        buffer.CopyTo(bytes.AsSpan(length));
        length += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    // Nothing leaves before the whole body is known.
    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(bytes);
            bytes = [];
            length = 0;
        }

        base.Dispose(disposing);
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, bytes.Length * 2));
        bytes.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(bytes);
        bytes = larger;
    }
}
