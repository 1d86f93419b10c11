using System.Buffers;

namespace TigerEmulator.Logs;

/// A page's entries, each generated once, newest first: their stamps, and their messages as JSON string values one after
/// another in a single UTF-8 buffer, escaped once for both forms of the entry. The buffers are pooled; dispose gives
/// them back.
internal sealed class GeneratedPage : IDisposable
{
    // Room for a typical message; the buffer grows for a page of long ones.
    private const int BytesPerMessage = 192;

    private readonly (LogStamp Stamp, int End)[] entries;
    private readonly LineText messages;

    public GeneratedPage(LogTimeline timeline, PageOrdinals ordinals, int count)
    {
        Count = count;
        entries = ArrayPool<(LogStamp, int)>.Shared.Rent(count);
        messages = new LineText(count * BytesPerMessage);
        using var message = new LineText(1024);
        for (var i = 0; i < count; i++)
        {
            message.Clear();
            var stamp = timeline.Write(ordinals[i], message);
            JsonText.AppendValue(message.Written, messages);
            entries[i] = (stamp, messages.Length);
        }
    }

    public int Count { get; }

    public LogStamp Stamp(int entry) => entries[entry].Stamp;

    public ReadOnlySpan<byte> MessageJson(int entry) => messages.Slice(entry == 0 ? 0 : entries[entry - 1].End, entries[entry].End);

    public void Dispose()
    {
        ArrayPool<(LogStamp, int)>.Shared.Return(entries, clearArray: true);
        messages.Dispose();
    }
}

/// Which entries a page holds, newest first: the run of ordinals below a top, or the ordinals a filtered scan matched.
internal readonly struct PageOrdinals(long top, long[]? matches)
{
    public long this[int entry] => matches is null ? top - 1 - entry : matches[entry];
}
