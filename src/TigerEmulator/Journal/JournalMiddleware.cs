using TigerEmulator.Faults;
using TigerEmulator.Lifecycle;

namespace TigerEmulator.Journal;

/// Records every request to the contract API. It is middleware rather than a filter on the route group because
/// it must also see answers no endpoint gave: unknown paths, and errors turned into bodies by the error boundary.
public sealed class JournalMiddleware(RequestDelegate next, RequestJournal journal, EmulatorClock clock)
{
    /// Bodies are read this far, redacted, then cut to <see cref="ShownBytes"/>. The margin past what is shown lets
    /// the redaction see a secret that straddles the cut; reading more would only cost (a logs page is ~200 KB).
    public const int ShownBytes = 16 * 1024;
    public const int CapturedBytes = ShownBytes + 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (journal.Capacity == 0)
        {
            await next(context);
            return;
        }

        var sequence = journal.NextSequence();
        var timestamp = clock.UtcNow;

        // Durations use the emulator's time source, so that under a fake clock a replayed script journals identically.
        var started = clock.Time.GetTimestamp();
        var (requestBytes, requestTotal) = await ReadRequestAsync(context.Request);
        var original = context.Response.Body;
        var capture = new CapturingStream(original, CapturedBytes);
        context.Response.Body = capture;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            var aborted = context.RequestAborted.IsCancellationRequested || context.Items.ContainsKey(ConnectionFaults.CutItemKey);
            journal.Record(new JournalEntry(
                sequence,
                timestamp,
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.HasValue ? context.Request.QueryString.Value : null,
                context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName,
                aborted && !context.Response.HasStarted ? null : context.Response.StatusCode,
                clock.Time.GetElapsedTime(started).TotalMilliseconds,
                aborted,
                context.Items[FaultFilter.FiredItemKey] as IReadOnlyList<string>,
                Redaction.Headers(context.Request.Headers),
                Redaction.Body(requestBytes, requestTotal, ShownBytes),
                Redaction.Body(capture.Captured, capture.Total, ShownBytes)));
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
