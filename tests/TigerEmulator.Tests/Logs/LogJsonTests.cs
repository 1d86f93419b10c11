using System.Text;
using System.Text.Json;
using TigerEmulator.Lifecycle;
using TigerEmulator.Logs;

namespace TigerEmulator.Tests.Logs;

/// Pages are written straight from UTF-8 rather than through the serializer: the bytes must still be the ones the
/// serializer would write for the same lines, escaping included.
public sealed class LogJsonTests
{
    private static readonly DateTime Day = StoredService.Created.AddDays(1);

    [Theory]
    [InlineData(0, 0.02)]
    [InlineData(1, 0.5)]
    public void Page_IsWhatTheSerializerWritesForTheSameLines(int node, double errorRatio)
    {
        var service = StoredService.With(1, new StatusChange(StoredService.Created.AddHours(20), "PAUSING", "stop"), new StatusChange(StoredService.Created.AddHours(21), "READY", "start"));
        var settings = new LogSettings { EntriesPerMinute = 600, ErrorRatio = errorRatio };
        var query = new LogQuery(node, 0, null, StoredService.Created.AddHours(21).AddSeconds(20), null);
        var body = LogPage.Read(service, query, Day, settings);
        var timeline = LogTimeline.For(service, node, Day, settings);
        var top = timeline.CountBefore(query.Until!.Value.AddTicks(1));
        var lines = timeline.Descending(top, top - LogPage.Size).ToList();

        var expected = JsonSerializer.Serialize(new
        {
            logs = lines.Select(l => l.ToText()),
            entries = lines.Select(l => new { timestamp = l.Timestamp, message = l.Message, severity = l.Severity }),
            last_cursor = body.LastCursor,
            lastCursor = body.LastCursor,
        });

        Assert.Contains(lines, l => l.Message.StartsWith("database system is ready", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Message.Contains('\n') && l.Message.Contains('"'));
        Assert.Equal(expected, JsonSerializer.Serialize(body));
    }

    [Fact]
    public void Text_IsEscapedAsTheSerializerEscapesIt_EveryAsciiCharacterAndBeyond()
    {
        var texts = Enumerable.Range(0, 128).Select(c => $"a{(char)c}b").Append("plain").Append("").Append("caf\u00e9 \"na\u00efve\"\n").Append("\u65e5\u672c \U0001F418");

        foreach (var text in texts)
        {
            Assert.Equal(JsonSerializer.Serialize(text), WriteValue(text));
        }
    }

    [Theory]
    [InlineData("division by zero\nSTATEMENT:  SELECT 1/0")]
    [InlineData("automatic vacuum of table \"t\"\n\tpages: 0 removed\n\ttuples: 1 removed")]
    [InlineData("nonstandard use of \\' in a string literal\\n\nHINT:  Use '' to write quotes\n")]
    [InlineData("caf\u00e9 \U0001F418\n\n\t")]
    public void PlainLineInJson_IsTheEscapedPlainLine(string message)
    {
        var line = new LogLine(new DateTime(2026, 1, 15, 9, 30, 0, 123, DateTimeKind.Utc), "ERROR", message, 4242);
        using var messageJson = new LineText();
        JsonText.AppendValue(Encoding.UTF8.GetBytes(message), messageJson);
        using var lineJson = new LineText();

        PlainLine.WriteJson(line.Stamp, messageJson.Written, lineJson);

        Assert.Equal(JsonSerializer.Serialize(line.ToText()), lineJson.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_230_000)]
    [InlineData(9_999_999)]
    [InlineData(50_000)]
    public void Timestamp_IsWrittenAsTheSerializerWritesAUtcDateTime(long ticksPastTheSecond)
    {
        var time = new DateTime(2026, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(ticksPastTheSecond);
        Span<byte> written = stackalloc byte[40];

        Assert.True(LineTime.TryWriteJson(time, written, out var length));
        Assert.Equal(JsonSerializer.Serialize(time), Encoding.UTF8.GetString(written[..length]));
        Assert.False(LineTime.TryWriteJson(DateTime.SpecifyKind(time, DateTimeKind.Unspecified), written, out _));
    }

    [Theory]
    [InlineData(DateTimeKind.Utc, "LOG")]
    [InlineData(DateTimeKind.Unspecified, "WARNING")]
    [InlineData(DateTimeKind.Local, "NOTICE")]
    public void Entry_IsWhatTheSerializerWrites_WhateverTheTimesKind(DateTimeKind kind, string severity)
    {
        var time = DateTime.SpecifyKind(new DateTime(2026, 1, 15, 9, 30, 0, 120), kind);
        using var message = new LineText();
        JsonText.AppendValue("a \"quoted\" word\n\tand more"u8, message);
        using var scratch = new LineText();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            EntryJson.Write(writer, new LogStamp(time, severity, 42), message.Written, scratch);
        }

        var expected = JsonSerializer.Serialize(new { timestamp = time, message = "a \"quoted\" word\n\tand more", severity });
        Assert.Equal(expected, Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Figures_AreWrittenAsPostgresPrintsThem()
    {
        Assert.Equal("3/5A0001B8", Wal.Format(0x3_5A00_01B8));
        Assert.Equal("0/01000028", Wal.Format(0x100_0028));
        Assert.Equal(["0.000", "0.005", "1.230", "1234.567"], new long[] { 0, 5, 1230, 1_234_567 }.Select(Written));
        Assert.Equal("9.550", Written(new Thousandths(9500) + 0.05));
    }

    private static string Written(long thousandths) => Written(new Thousandths(thousandths));

    private static string Written<T>(T figure)
        where T : IUtf8SpanFormattable
    {
        using var text = new LineText();
        text.Append($"{figure}");
        return text.ToString();
    }

    private static string WriteValue(string text)
    {
        using var value = new LineText(4);
        JsonText.AppendValue(Encoding.UTF8.GetBytes(text), value);
        return value.ToString();
    }
}
