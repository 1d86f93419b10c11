using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace TigerEmulator.Journal;

/// Holds a whole response body so that it leaves in one write with a Content-Length, instead of in chunks, and so
/// that the journal can read its first bytes. It stands in for the server's body feature: the JSON writers write
/// straight into it through <see cref="Writer"/>, and anything that wants a stream gets one over the same memory.
/// Every contract answer is small enough to hold (the largest, a page of logs, is about 200 KB); the memory comes
/// from the shared pool and goes back on Dispose.
internal sealed class ResponseBuffer : PipeWriter, IHttpResponseBodyFeature, IDisposable
{
    private byte[] bytes = ArrayPool<byte>.Shared.Rent(4096);
    private int length;
    private int sinceFlush;
    private Stream? stream;

    public ReadOnlyMemory<byte> Written => bytes.AsMemory(0, length);

    public int Length => length;

    public Stream Stream => stream ??= AsStream();

    public PipeWriter Writer => this;

    // System.Text.Json flushes whenever this passes its threshold; counting from the last flush keeps that rare.
    public override bool CanGetUnflushedBytes => true;

    public override long UnflushedBytes => sinceFlush;

    public override void Advance(int count)
    {
        length += count;
        sinceFlush += count;
    }

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return bytes.AsMemory(length);
    }

    public override Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return bytes.AsSpan(length);
    }

    // Nothing leaves before the whole body is known.
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        sinceFlush = 0;
        return ValueTask.FromResult(new FlushResult(false, false));
    }

    public override void CancelPendingFlush()
    {
    }

    public override void Complete(Exception? exception = null)
    {
    }

    public void DisableBuffering()
    {
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(Stream, path, offset, count, cancellationToken);

    public Task CompleteAsync() => Task.CompletedTask;

    public void Dispose()
    {
        if (bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(bytes);
            bytes = [];
            length = 0;
        }
    }

    private void Reserve(int sizeHint)
    {
        var needed = length + Math.Max(sizeHint, 256);
        if (needed > bytes.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, bytes.Length * 2));
            bytes.AsSpan(0, length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(bytes);
            bytes = larger;
        }
    }
}
