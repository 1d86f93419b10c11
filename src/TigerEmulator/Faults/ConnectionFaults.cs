using System.Diagnostics;

namespace TigerEmulator.Faults;

/// Faults below HTTP: they only show on a real connection. Waits run on wall-clock time, not the emulated clock,
/// because it is the client's own timers (its timeouts) that these faults exist to exercise.
public static class ConnectionFaults
{
    /// Set on a request whose connection a fault cut: the server's own abort signal may arrive after the journal looks.
    public const string CutItemKey = "tiger.connectionCut";

    /// Set by the journal on the requests it wraps, which makes it the one to reset a cut connection, after it has
    /// recorded the entry. A client that reads the journal the moment its connection drops then finds the entry there.
    public const string DeferredAbortItemKey = "tiger.abortDeferred";

    /// Set instead of aborting when the abort is deferred; whoever deferred it aborts the connection.
    public const string AbortWantedItemKey = "tiger.abortWanted";

    /// Waits, unless the client gives up first; then there is nobody left to answer.
    public static async Task<bool> WaitAsync(HttpContext http, TimeSpan delay)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await Task.Delay(delay, http.RequestAborted);

            // Timers count whole milliseconds and can fire a fraction of one early; a client timing the fault sees all of it.
            while (Stopwatch.GetElapsedTime(started) < delay)
            {
                await Task.Delay(1, http.RequestAborted);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public static object Drop(HttpContext http)
    {
        Cut(http);
        return Results.Empty;
    }

    public static async Task<object> HangAsync(HttpContext http, TimeSpan bound)
    {
        await WaitAsync(http, bound);
        Cut(http);
        return Results.Empty;
    }

    private static void Cut(HttpContext http)
    {
        http.Items[CutItemKey] = true;
        if (http.Items.ContainsKey(DeferredAbortItemKey))
        {
            http.Items[AbortWantedItemKey] = true;
        }
        else
        {
            http.Abort();
        }
    }

    /// Renders the handler's real answer, declares its full length, sends half of it, and lets the connection close.
    public static async Task<object> TruncateAsync(HttpContext http, object? result)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await (result as IResult ?? Results.Json(result)).ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var bytes = buffer.ToArray();
        http.Items[CutItemKey] = true;
        http.Response.ContentLength = Math.Max(bytes.Length, 1);
        await http.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);

        // No Abort here: an abort resets the socket and can overtake the half body still queued for sending. Ending the
        // response short of its Content-Length makes the server close the connection itself once the half is out
        // (Kestrel logs the mismatch as an application error; for this fault that line is expected).
        return Results.Empty;
    }
}
