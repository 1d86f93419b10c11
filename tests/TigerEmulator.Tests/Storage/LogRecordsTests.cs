using LiteDB;
using TigerEmulator.Lifecycle;
using TigerEmulator.Services;
using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

/// The write-ahead log keeps documents as JSON and LiteDB as BSON: a document read back from the log must become the
/// same BSON as the document that was written, for every kind of document and every field, or a restart after a kill
/// would store something else than a clean stop. A record cut short ends what is read.
public sealed class LogRecordsTests
{
    private static readonly BsonMapper Mapper = new();

    public static TheoryData<Type> DocumentKinds() =>
        [.. typeof(IDocument).Assembly.GetTypes().Where(type => !type.IsAbstract && typeof(IDocument).IsAssignableFrom(type))];

    [Theory]
    [MemberData(nameof(DocumentKinds))]
    public void Read_EveryKindOfDocument_WithEveryFieldSet_BecomesTheSameBsonAsWhatWasWritten(Type kind)
    {
        var document = Filled(kind);

        var change = Assert.Single(LogRecords.Read(Bytes(FileWrite.Upsert(kind.Name, document))));

        Assert.Equal(FileWrite.Kinds.Upsert, change.Kind);
        Assert.Equal(kind.Name, change.Collection);
        Assert.Equal(document.Id, change.Id);
        Assert.Equal(Bson(document), Bson(change.Document!));
    }

    [Fact]
    public void Read_AnInsert_IsReadAsAStoredDocument_DeletesKeepTheirId()
    {
        var row = new Row { Id = "r1", Status = "READY" };

        var changes = LogRecords.Read(Bytes(FileWrite.Insert("Row", row), FileWrite.Delete("Row", "r1"), FileWrite.DeleteAll("Row"))).ToList();

        Assert.Equal([FileWrite.Kinds.Upsert, FileWrite.Kinds.Delete, FileWrite.Kinds.DeleteAll], changes.Select(c => c.Kind));
        Assert.Equal(row, changes[0].Document);
        Assert.Equal(["r1", "r1", null], changes.Select(c => c.Id));
    }

    [Fact]
    public void Read_AnIdOfAnyLength_ComesBackWhole()
    {
        // A scenario may name an API key as it likes; a record has no length a name or id could outgrow.
        var row = new Row { Id = new string('k', 70_000) + "ü" };

        var change = Assert.Single(LogRecords.Read(Bytes(FileWrite.Upsert("Row", row))));

        Assert.Equal(row, change.Document);
        Assert.Equal(row.Id, change.Id);
    }

    [Fact]
    public void Read_ARecordCutShort_EndsTheSegment()
    {
        var bytes = Bytes(FileWrite.Upsert("Row", new Row { Id = "a" }), FileWrite.Upsert("Row", new Row { Id = "b" }));

        for (var cut = 1; cut < bytes.Length / 2; cut++)
        {
            var read = LogRecords.Read(bytes[..^cut]).ToList();
            Assert.Equal(["a"], read.Select(c => c.Id));
        }
    }

    [Fact]
    public void Read_ARecordWhoseDocumentDoesNotParse_EndsTheSegment()
    {
        var bytes = Bytes(FileWrite.Upsert("Row", new Row { Id = "a" }), FileWrite.Upsert("Row", new Row { Id = "b" }));
        bytes[^2] = (byte)'#';

        Assert.Equal(["a"], LogRecords.Read(bytes).Select(c => c.Id));
    }

    [Fact]
    public void Read_ADocumentOfAKindNoLongerKnown_IsRefusedInOneLine()
    {
        var bytes = Bytes(FileWrite.Upsert("Row", new Row { Id = "a" }));
        var renamed = bytes.AsSpan().IndexOf("Row"u8);
        "Cow"u8.CopyTo(bytes.AsSpan(renamed));

        var refused = Assert.Throws<DataFolderException>(() => LogRecords.Read(bytes).ToList());

        Assert.Equal("The write-ahead log holds documents of a kind this emulator does not know ('Cow'); start the emulator version that wrote it, or move the folder aside", refused.Message);
    }

    [Fact]
    public void ReadSegment_AfterItsMark_ReadsTheRecords_AndASegmentCutInsideTheMarkIsEmpty()
    {
        byte[] bytes = [.. LogRecords.Mark, .. Bytes(FileWrite.Upsert("Row", new Row { Id = "a" }))];

        Assert.Equal(["a"], LogRecords.ReadSegment("wal-1.log", bytes).Select(c => c.Id));
        for (var cut = 0; cut <= LogRecords.Mark.Length; cut++)
        {
            Assert.Empty(LogRecords.ReadSegment("wal-1.log", bytes[..cut]));
        }
    }

    [Fact]
    public void ReadSegment_AFileWithoutTheMark_IsRefusedInOneLine_WithTheWayOut()
    {
        var earlierFormat = Bytes(FileWrite.Upsert("Row", new Row { Id = "a" }));

        var refused = Assert.Throws<DataFolderException>(() => LogRecords.ReadSegment("/data/wal-1.log", earlierFormat).ToList());

        Assert.Equal("/data/wal-1.log is not a write-ahead log this emulator reads; nothing was changed. To start afresh, move it aside: mv '/data/wal-1.log' '/data/wal-1.log.damaged'", refused.Message);
    }

    private static byte[] Bytes(params FileWrite[] changes)
    {
        using var bytes = new MemoryStream();
        foreach (var change in changes)
        {
            LogRecords.Write(bytes, change);
        }

        return bytes.ToArray();
    }

    private static string Bson(IDocument document) => LiteDB.JsonSerializer.Serialize(Mapper.ToDocument(document.GetType(), document));

    // Every settable property gets a value other than its default, so that a field the log drops or changes shows.
    private static IDocument Filled(Type kind)
    {
        var document = (IDocument)Activator.CreateInstance(kind)!;
        var n = 0;
        foreach (var property in kind.GetProperties().Where(p => p.SetMethod is not null))
        {
            n++;
            property.SetValue(document, Value(property.PropertyType, property.Name, n));
        }

        return document;
    }

    private static object Value(Type type, string name, int n)
    {
        var at = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1234567).AddMinutes(n);
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        return inner switch
        {
            _ when inner == typeof(string) => $"{name}-{n}-é",
            _ when inner == typeof(int) => 1000 + n,
            _ when inner == typeof(bool) => true,
            _ when inner == typeof(DateTime) => at,
            _ when inner == typeof(IReadOnlyList<string>) => new List<string> { $"{name}-a", $"{name}-b" },
            _ when inner == typeof(IReadOnlyList<StatusChange>) => new List<StatusChange> { new(at, "QUEUED", null), new(at.AddSeconds(1), "READY", "RESUME", "a reason") },
            _ when inner == typeof(IReadOnlyList<EarlierSize>) => new List<EarlierSize> { new(at, 500, 2), new(at.AddHours(1), null, null) },
            _ => throw new InvalidOperationException($"No test value for {type} ({name}): add one, so that the field is checked"),
        };
    }
}
