using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace TigerEmulator.Storage;

/// The write-ahead log's records: a change as bytes and back. A record is its length (4 bytes, little-endian, the
/// length included), the kind of change (1 byte), the collection's name and the document's id (each 4 bytes of length,
/// then UTF-8: no name or id is too long for its record) and, for a stored document, the document as JSON. System.Text.Json writes a
/// document in a few microseconds into a buffer used again for every group; LiteDB's mapper, which the log used before,
/// took several times that and left a tree of objects per change for the collector.
internal static class LogRecords
{
    private const int Header = 4 + 1;

    /// What every segment starts with: the format's name and version, so that a start never applies bytes of another
    /// kind (an earlier format, a stray file) as changes.
    public static ReadOnlySpan<byte> Mark => "tiger-emulator-wal 3\n"u8;

    private static readonly JsonSerializerOptions Json = new();
    private static readonly ConcurrentDictionary<string, Type?> Types = new();

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    /// Appends one record to <paramref name="bytes"/>.
    public static void Write(MemoryStream bytes, FileWrite change)
    {
        var start = bytes.Position;
        Span<byte> head = stackalloc byte[Header];
        // An insert is logged as a document stored: a record applied again at start may find its document in LiteDB.
        head[4] = (byte)(change.Kind == FileWrite.Kinds.Insert ? FileWrite.Kinds.Upsert : change.Kind);
        bytes.Write(head);
        WriteText(bytes, change.Collection);
        WriteText(bytes, change.Id ?? "");
        if (change.Document is { } document)
        {
            var json = writer ??= new Utf8JsonWriter(Stream.Null);
            json.Reset(bytes);
            JsonSerializer.Serialize(json, document, document.GetType(), Json);
            json.Flush();
        }

        var end = bytes.Position;
        BinaryPrimitives.WriteInt32LittleEndian(bytes.GetBuffer().AsSpan((int)start, 4), (int)(end - start));
    }

    /// The changes a segment file holds, after its mark; a file with another start is refused in one line.
    public static IEnumerable<FileWrite> ReadSegment(string path, byte[] bytes)
    {
        if (bytes.Length <= Mark.Length && Mark.StartsWith(bytes))
        {
            // Empty, or killed while the first group was written: nothing in it was acknowledged.
            return [];
        }

        if (!bytes.AsSpan().StartsWith(Mark))
        {
            throw DataFolderException.MoveAside(path, "is not a write-ahead log this emulator reads");
        }

        return Read(bytes[Mark.Length..]);
    }

    /// The changes a run of records holds, in order. A record cut short by a kill, or one that does not read, ends the
    /// segment: it was never acknowledged, as its group's write had not completed.
    public static IEnumerable<FileWrite> Read(byte[] bytes)
    {
        var offset = 0;
        while (offset + Header <= bytes.Length)
        {
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset, 4));
            if (size < Header + 8 || size > bytes.Length - offset || Decode(bytes.AsSpan(offset, size)) is not { } change)
            {
                yield break;
            }

            offset += size;
            yield return change;
        }
    }

    private static FileWrite? Decode(ReadOnlySpan<byte> record)
    {
        var kind = (FileWrite.Kinds)record[4];
        var rest = record[Header..];
        if (ReadText(ref rest) is not { } collection || ReadText(ref rest) is not { } id)
        {
            return null;
        }

        switch (kind)
        {
            case FileWrite.Kinds.Upsert:
                var type = DocumentType(collection);
                return Deserialize(rest, type) is { } document ? FileWrite.Upsert(collection, document) : null;
            case FileWrite.Kinds.Delete:
                return FileWrite.Delete(collection, id);
            case FileWrite.Kinds.DeleteAll:
                return FileWrite.DeleteAll(collection);
            default:
                return null;
        }
    }

    private static IDocument? Deserialize(ReadOnlySpan<byte> json, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type, Json) as IDocument;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void WriteText(MemoryStream bytes, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(size, length);
        bytes.Write(size);
        Span<byte> encoded = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(text, encoded);
        bytes.Write(encoded);
    }

    private static string? ReadText(ref ReadOnlySpan<byte> rest)
    {
        if (rest.Length < 4 || BinaryPrimitives.ReadInt32LittleEndian(rest) is not (>= 0 and var length) || rest.Length - 4 < length)
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(rest.Slice(4, length));
        rest = rest[(4 + length)..];
        return text;
    }

    // A collection is named after its document type (FileCollection). The log is read back before any store exists,
    // so the type is found among the loaded assemblies that can hold documents: this one and those built on it.
    private static Type DocumentType(string collection) =>
        Types.GetOrAdd(collection, FindType)
        ?? throw new DataFolderException($"The write-ahead log holds documents of a kind this emulator does not know ('{collection}'); start the emulator version that wrote it, or move the folder aside");

    private static Type? FindType(string collection)
    {
        var home = typeof(IDocument).Assembly;
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(assembly => assembly == home || assembly.GetReferencedAssemblies().Any(name => name.Name == home.GetName().Name))
            .SelectMany(assembly => assembly.GetTypes())
            .FirstOrDefault(type => type.Name == collection && !type.IsAbstract && typeof(IDocument).IsAssignableFrom(type));
    }
}
