using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using TigerEmulator.Faults;
using TigerEmulator.Http;
using TigerEmulator.Lifecycle;

namespace TigerEmulator.Journal;

/// Records every request to the contract API. It is middleware rather than a filter on the route group because
/// it must also see answers no endpoint gave: unknown paths, and errors turned into bodies by the error boundary.
/// It holds each answer until it is complete and sends it in one write with its Content-Length: cheaper than chunks
/// for the server and the client, and the journal reads the body from that buffer.
public sealed class JournalMiddleware(RequestDelegate next, RequestJournal journal, EmulatorClock clock)
{
    /// Bodies are read this far, redacted, then cut to <see cref="ShownBytes"/>. The margin past what is shown lets
    /// the redaction see a secret that straddles the cut; reading more would only cost (a logs page is ~200 KB).
    public const int ShownBytes = 16 * 1024;
    public const int CapturedBytes = ShownBytes + 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var keeping = journal.Capacity > 0;
        var sequence = keeping ? journal.NextSequence() : 0;
        var timestamp = clock.UtcNow;

        // Durations use the emulator's time source, so that under a fake clock a replayed script journals identically.
        var started = clock.Time.GetTimestamp();
        // A body the server cannot read (too large, broken chunks, too slow) is answered as the error boundary answers
        // it, and journaled like any other answer.
        var (requestBytes, requestTotal, unreadable) = keeping ? await TryReadRequestAsync(context.Request) : ([], 0, null);
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var body = new ResponseBuffer();
        context.Features.Set<IHttpResponseBodyFeature>(body);
        context.Items[ConnectionFaults.DeferredAbortItemKey] = true;
        var recorded = false;
        try
        {
            await (unreadable is null ? next(context) : ErrorBoundary.AnswerAsync(context, unreadable));
            // Recorded before the answer leaves: on a real socket a client that has read it must find it in the journal.
            if (keeping)
            {
                Record(context, sequence, timestamp, started, requestBytes, requestTotal, body.Written);
                recorded = true;
            }

            await SendAsync(context, original.Writer, body);
        }
        finally
        {
            context.Features.Set(original);
            if (keeping && !recorded)
            {
                Record(context, sequence, timestamp, started, requestBytes, requestTotal, body.Written);
            }

            if (context.Items.ContainsKey(ConnectionFaults.AbortWantedItemKey))
            {
                context.Abort();
            }
        }
    }

    // A dropped or hung connection gets nothing. A fault that cuts the body short has declared the full length
    // already, so its declaration stands.
    private static async Task SendAsync(HttpContext context, PipeWriter original, ResponseBuffer body)
    {
        if (context.RequestAborted.IsCancellationRequested || context.Items.ContainsKey(ConnectionFaults.AbortWantedItemKey) || body.Length == 0)
        {
            return;
        }

        context.Response.ContentLength ??= body.Length;
        await original.WriteAsync(body.Written, context.RequestAborted);
    }

    private static bool Aborted(HttpContext context) =>
        context.RequestAborted.IsCancellationRequested || context.Items.ContainsKey(ConnectionFaults.CutItemKey);

    private void Record(HttpContext context, long sequence, DateTime timestamp, long started, byte[] request, long requestTotal, ReadOnlyMemory<byte> response)
    {
        var aborted = Aborted(context);
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        journal.Record(new JournalEntry(
            sequence,
            timestamp,
            context.Request.Method,
            context.Request.Path.Value ?? "",
            Redaction.Query(context.Request.QueryString),
            operation,
            aborted && !context.Response.HasStarted ? null : context.Response.StatusCode,
            clock.Time.GetElapsedTime(started).TotalMilliseconds,
            aborted,
            context.Items[FaultFilter.FiredItemKey] as IReadOnlyList<string>,
            Redaction.Headers(context.Request.Headers),
            Redaction.Body(request, requestTotal, ShownBytes, operation),
            Redaction.Body(response.Span[..Math.Min(response.Length, CapturedBytes)], response.Length, ShownBytes, operation)));
    }

    private static async Task<(byte[] Bytes, long Total, Exception? Unreadable)> TryReadRequestAsync(HttpRequest request)
    {
        try
        {
            var (bytes, total) = await ReadRequestAsync(request);
            return (bytes, total, null);
        }
        catch (BadHttpRequestException exception)
        {
            return ([], 0, exception);
        }
        catch (IOException exception)
        {
            return ([], 0, TigerException.UnreadableBody(exception));
        }
    }

    // Buffering lets the handler read the body again from the start after the journal has looked at it.
    private static async Task<(byte[] Bytes, long Total)> ReadRequestAsync(HttpRequest request)
    {
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return ([], 0);
        }

        request.EnableBuffering();
        var buffer = new byte[(int)Math.Min(request.ContentLength ?? CapturedBytes, CapturedBytes)];
        var read = 0;
        int chunk;
        while (read < buffer.Length && (chunk = await request.Body.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted)) > 0)
        {
            read += chunk;
        }

        request.Body.Position = 0;
        return (buffer[..read], request.ContentLength ?? read);
    }
}
