using System.Text;

namespace TigerEmulator.Storage;

/// Looks at the data folder's LiteDB files before LiteDB opens them, because LiteDB itself replaces a file that is too
/// short to be one of its own with an empty database, and follows a damaged log's page numbers into a sparse file of
/// terabytes. Both are refused instead, naming the file and the way out.
internal static class DataFolderCheck
{
    private const int PageSize = 8192;
    private const int HeaderAt = 32;
    private static readonly byte[] Header = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    public static void Check(string dataPath, string logPath)
    {
        var dataLength = LengthOf(dataPath);
        if (dataLength > 0 && !StartsAsLiteDb(dataPath, dataLength))
        {
            throw DataFolderException.MoveAside(dataPath, $"is not a LiteDB file ({dataLength} bytes that do not start as one)");
        }

        var logLength = LengthOf(logPath);
        if (logLength > 0 && LogProblem(logPath, logLength, dataLength) is { } problem)
        {
            throw DataFolderException.MoveAside(logPath, $"(LiteDB's log beside the data file) is damaged: {problem}");
        }
    }

    private static long LengthOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static bool StartsAsLiteDb(string path, long length)
    {
        if (length < PageSize)
        {
            return false;
        }

        var first = Read(path, 0, HeaderAt + Header.Length);
        return first.AsSpan(HeaderAt).SequenceEqual(Header);
    }

    // Each log page names the data page it replaces; one that names a page far past the end of both files is not a
    // LiteDB page, and would make LiteDB write there.
    private static string? LogProblem(string path, long length, long dataLength)
    {
        if (length % PageSize != 0)
        {
            return $"{length} bytes is not a whole number of {PageSize}-byte pages";
        }

        var pages = length / PageSize;
        var limit = (dataLength / PageSize) + pages;
        for (long page = 0; page < pages; page++)
        {
            var head = Read(path, page * PageSize, 5);
            var id = BitConverter.ToUInt32(head, 0);
            if (id > limit || head[4] > 5)
            {
                return $"page {page} names page {id} of type {head[4]}, beyond a file of {limit} pages";
            }
        }

        return null;
    }

    private static byte[] Read(string path, long offset, int count)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var bytes = new byte[count];
        file.Position = offset;
        file.ReadExactly(bytes);
        return bytes;
    }
}
