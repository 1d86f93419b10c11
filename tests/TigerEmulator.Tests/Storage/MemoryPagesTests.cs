using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

/// The in-memory database's stream must behave like a file: reads and writes across page boundaries, seeks,
/// and a shrink that leaves zeros behind when the stream grows again.
public sealed class MemoryPagesTests
{
    [Fact]
    public void WritesAndReadsAcrossPages_LikeAMemoryStream()
    {
        var data = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        using var pages = new MemoryPages();
        using var reference = new MemoryStream();
        foreach (var stream in new Stream[] { pages, reference })
        {
            stream.Write(data);
            stream.Seek(65_530, SeekOrigin.Begin);
            stream.Write(data.AsSpan(0, 100));
            stream.Seek(-10, SeekOrigin.End);
            stream.Write(data.AsSpan(500, 30));
        }

        Assert.Equal(reference.Length, pages.Length);
        pages.Position = 0;
        var read = new byte[pages.Length + 5];
        Assert.Equal((int)reference.Length, pages.Read(read));
        Assert.Equal(reference.ToArray(), read[..(int)reference.Length]);
        Assert.Equal(0, pages.Read(read));
    }

    [Fact]
    public void Shrink_ThenGrow_ReadsZerosWhereDataWas()
    {
        using var pages = new MemoryPages();
        pages.Write(Enumerable.Repeat((byte)0xAB, 150_000).ToArray());

        pages.SetLength(70_000);
        pages.SetLength(140_000);

        var read = new byte[140_000];
        pages.Position = 0;
        Assert.Equal(140_000, pages.Read(read));
        Assert.All(read[..70_000], b => Assert.Equal(0xAB, b));
        Assert.All(read[70_000..], b => Assert.Equal(0, b));
    }
}
