using System.Buffers;
using System.Text.Json;
using TigerEmulator.RealServers;

namespace TigerEmulator.Logs;

/// A book on disk, JSON lines appended: a header with where it begins, then for each reading its entries followed by a
/// mark of where the reading stopped. At load, entries after the last mark (a reading cut short by a crash) are
/// dropped, file and all, and read again from the server's log.
internal static class BookFile
{
    public static void Create(string path, DateTime since) => File.WriteAllBytes(path, Header(since, 0));

    public static void Append(string path, IReadOnlyList<ServerEntry> entries, BookMark mark)
    {
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        Write(file, entries, mark);
    }

    /// The book after its oldest entries went: written beside it, then moved over it in one step.
    public static void Rewrite(string path, DateTime since, long dropped, IReadOnlyList<ServerEntry> entries, BookMark mark)
    {
        var next = path + ".next";
        using (var file = new FileStream(next, FileMode.Create, FileAccess.Write))
        {
            file.Write(Header(since, dropped));
            Write(file, entries, mark);
        }

        File.Move(next, path, overwrite: true);
    }

    private static byte[] Header(DateTime since, long dropped) => Line(writer =>
    {
        writer.WriteNumber("since", since.Ticks);
        writer.WriteNumber("dropped", dropped);
    });

    private static void Write(FileStream file, IReadOnlyList<ServerEntry> entries, BookMark mark)
    {
        foreach (var entry in entries)
        {
            file.Write(Line(writer =>
            {
                writer.WriteNumber("t", entry.Stamp.Ticks);
                writer.WriteString("s", entry.Severity);
                writer.WriteNumber("p", entry.Pid);
                writer.WriteString("m", entry.Message);
            }));
        }

        file.Write(Line(writer =>
        {
            writer.WriteString("file", mark.File);
            writer.WriteNumber("offset", mark.Offset);
            writer.WriteNumber("floor", mark.Floor.Ticks);
            writer.WriteNumber("failure", mark.LastFailure.Ticks);
        }));
    }

    public static T Load<T>(ServerLogPlace place, Func<DateTime, long, List<ServerEntry>, BookMark, T> make)
    {
        var bytes = File.ReadAllBytes(place.BookFile);
        var (since, dropped, kept, keptMark, keptLength) = (DateTime.MinValue, 0L, new List<ServerEntry>(), (BookMark?)null, 0L);
        var pending = new List<ServerEntry>();
        var position = 0;
        foreach (var range in bytes.AsSpan().Split((byte)'\n'))
        {
            var (start, length) = range.GetOffsetAndLength(bytes.Length);
            var end = start + length;
            position = end + 1;
            if (end == start || position > bytes.Length)
            {
                break;
            }

            using var json = TryParse(bytes.AsMemory(start, end - start));
            if (json is null)
            {
                break;
            }

            var root = json.RootElement;
            if (root.TryGetProperty("since", out var begins))
            {
                since = Time(begins);
                dropped = root.TryGetProperty("dropped", out var gone) ? gone.GetInt64() : 0;
                (keptMark, keptLength) = (new BookMark(null, 0, since, DateTime.MinValue), position);
            }
            else if (root.TryGetProperty("t", out var stamp))
            {
                pending.Add(new ServerEntry(Time(stamp), root.GetProperty("s").GetString()!, root.GetProperty("m").GetString()!, root.GetProperty("p").GetInt32()));
            }
            else
            {
                kept.AddRange(pending);
                pending.Clear();
                keptMark = new BookMark(root.GetProperty("file").GetString(), root.GetProperty("offset").GetInt64(), Time(root.GetProperty("floor")), Time(root.GetProperty("failure")));
                keptLength = position;
            }
        }

        if (keptMark is null)
        {
            throw new InvalidDataException($"{place.BookFile} has no header line");
        }

        if (keptLength < bytes.Length)
        {
            using var file = new FileStream(place.BookFile, FileMode.Open, FileAccess.Write);
            file.SetLength(keptLength);
        }

        return make(since, dropped, kept, keptMark);
    }

    private static JsonDocument? TryParse(ReadOnlyMemory<byte> line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTime Time(JsonElement ticks) => new(ticks.GetInt64(), DateTimeKind.Utc);

    private static byte[] Line(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
