namespace TigerEmulator.Logs;

/// Reads a server's JSON log files from where the last reading stopped: their names sort by the time each was begun,
/// and a file with a newer one beside it is complete (the server rotated away from it before the folder was listed).
/// Only whole lines are taken; a line being written is left for the next reading.
internal static class ServerLogFolder
{
    public static (string? File, long Offset) ReadNew(string folder, string? file, long offset, List<ServerEntry> into, Func<DateTime, DateTime> stamp)
    {
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "postgresql-*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
            : [];
        var at = file is null ? -1 : Array.BinarySearch(files, file, StringComparer.Ordinal);
        if (at < 0)
        {
            // Never read, or removed by the cap at a start: carry on with the next file there is.
            at = file is null ? 0 : ~at;
            if (at >= files.Length)
            {
                return (file, offset);
            }

            (file, offset) = (files[at], 0);
        }

        while (true)
        {
            offset = ReadFile(Path.Combine(folder, files[at]), offset, into, stamp);
            if (at + 1 == files.Length)
            {
                return (files[at], offset);
            }

            (at, offset) = (at + 1, 0);
        }
    }

    private static long ReadFile(string path, long offset, List<ServerEntry> into, Func<DateTime, DateTime> stamp)
    {
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length <= offset)
            {
                return offset;
            }

            stream.Seek(offset, SeekOrigin.Begin);
            bytes = new byte[stream.Length - offset];
            stream.ReadExactly(bytes);
        }
        catch (FileNotFoundException)
        {
            return offset;
        }

        var whole = bytes.AsSpan(0, bytes.AsSpan().LastIndexOf((byte)'\n') + 1);
        foreach (var range in whole.Split((byte)'\n'))
        {
            if (JsonLogRecord.Parse(whole[range]) is { } record)
            {
                into.Add(new ServerEntry(stamp(record.Written), record.Severity, record.Message, record.Pid));
            }
        }

        return offset + whole.Length;
    }
}
