namespace TigerEmulator.Logs;

/// A real server's log from its book's beginning on: the entries are read, not computed, and never change once there.
internal sealed class ServerPiece(ServerLogSnapshot book, DateTime now) : LogPiece(book.Since, DateTime.MaxValue, now)
{
    public override long Capacity => book.Count;

    public override SeveritySet Severities => book.Severities;

    public override DateTime TimeOf(long index) => book.Entries[index].Stamp;

    public override LogStamp Write(long index, LineText text)
    {
        var entry = book.Entries[index];
        text.Append(entry.Message);
        return new LogStamp(entry.Stamp, entry.Severity, entry.Pid);
    }

    public override string SeverityOf(long index) => book.Entries[index].Severity;

    // The entries' times never decrease: the first at or after the time is found by halving.
    protected override long CountBeforeAnyTime(DateTime time)
    {
        var (low, high) = (0, book.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = book.Entries[middle].Stamp < time ? (middle + 1, high) : (low, middle);
        }

        return low;
    }
}
