using LiteDB;

namespace TigerEmulator.Storage;

/// The data folder's write-ahead log: each group of changes is appended in one write before its requests are answered,
/// so that a killed emulator loses nothing it acknowledged, while LiteDB takes the same changes behind, in large
/// transactions (a LiteDB commit of a few documents costs about as much as one of a thousand). The log is a run of
/// segment files of records (<see cref="LogRecords"/>); a segment is deleted once LiteDB holds all of it, and at start whatever segments are
/// left are applied to LiteDB again, in order: each record is a whole document, so applying one twice changes nothing.
internal sealed class WriteAheadLog : IDisposable
{
    private const string Prefix = "tiger-emulator-wal-";
    private const long SegmentBytes = 8 * 1024 * 1024;
    private const int KeptBuffer = 1024 * 1024;

    private readonly string folder;
    private readonly DataFiles files;

    // One buffer for every group, grown to the largest: a group is appended by one thread at a time (GroupCommit's
    // leader), and a fresh stream a group would allocate and grow again each time, on the path every answer waits on.
    private readonly MemoryStream bytes = new();
    private Stream segment;
    private long length;

    public WriteAheadLog(string folder, DataFiles files)
    {
        this.folder = folder;
        this.files = files;
        Number = Segments(folder).Select(s => s.Number).DefaultIfEmpty(0).Max() + 1;
        segment = files.Open(PathOf(folder, Number));
    }

    /// The segment now written to.
    public long Number { get; private set; }

    /// Appends the records in one write. On failure the segment is cut back to where it was, so that a later group
    /// never lands behind half a record; the exception says why.
    public void Append(IReadOnlyList<FileWrite> changes)
    {
        bytes.SetLength(0);
        if (bytes.Capacity > KeptBuffer)
        {
            // A seeding or a reset made a group of thousands; the groups of requests are small again.
            bytes.Capacity = 0;
        }

        if (length == 0)
        {
            // Written with the first group rather than at opening, so that a disk that refuses it is refused in an
            // append, which knows what to do about it.
            bytes.Write(LogRecords.Mark);
        }

        foreach (var change in changes)
        {
            LogRecords.Write(bytes, change);
        }

        try
        {
            segment.Position = length;
            segment.Write(bytes.GetBuffer(), 0, (int)bytes.Length);
            segment.Flush();
            length += bytes.Length;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            try
            {
                segment.SetLength(length);
            }
            catch (IOException)
            {
                // The next append writes from the same place again, over whatever this one left.
            }

            throw;
        }
    }

    /// Starts a new segment once the current one is large; returns the number of the one it sealed, else null.
    public long? Rotate()
    {
        if (length < SegmentBytes)
        {
            return null;
        }

        segment.Dispose();
        var sealedNumber = Number++;
        segment = files.Open(PathOf(folder, Number));
        length = 0;
        return sealedNumber;
    }

    /// Forgets sealed segments up to and including <paramref name="number"/>: LiteDB holds every change in them.
    public static void Forget(string folder, long number)
    {
        foreach (var (found, path) in Segments(folder))
        {
            if (found <= number)
            {
                File.Delete(path);
            }
        }
    }

    /// Applies what the segments left by an earlier run hold to LiteDB, then deletes them. A record cut short by a
    /// kill ends its segment: it was never acknowledged.
    public static int Replay(string folder, LiteDatabase database)
    {
        var segments = Segments(folder).OrderBy(s => s.Number).ToList();
        if (segments.Count == 0)
        {
            return 0;
        }

        var applied = 0;
        database.BeginTrans();
        foreach (var (_, path) in segments)
        {
            foreach (var change in LogRecords.ReadSegment(path, File.ReadAllBytes(path)))
            {
                change.Apply(database);
                applied++;
            }
        }

        database.Commit();
        database.Checkpoint();
        segments.ForEach(s => File.Delete(s.Path));
        return applied;
    }

    public void Dispose()
    {
        segment.Dispose();
        bytes.Dispose();
    }

    private static IEnumerable<(long Number, string Path)> Segments(string folder) =>
        Directory.EnumerateFiles(folder, Prefix + "*.log")
            .Select(path => (Text: Path.GetFileNameWithoutExtension(path)[Prefix.Length..], Path: path))
            .Where(s => long.TryParse(s.Text, out _))
            .Select(s => (long.Parse(s.Text), s.Path));

    private static string PathOf(string folder, long number) => Path.Combine(folder, $"{Prefix}{number:D6}.log");
}
