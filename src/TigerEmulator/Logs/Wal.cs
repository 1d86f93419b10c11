namespace TigerEmulator.Logs;

/// Write-ahead-log positions that grow with the service's age, so LSNs in later lines are larger, as in a real log.
internal static class Wal
{
    private const long BytesPerMillisecond = 40;

    public static ulong At(DateTime created, DateTime time) =>
        0x1000028UL + (ulong)Math.Max(0, (long)(time - created).TotalMilliseconds * BytesPerMillisecond);

    /// PostgreSQL's %X/%X form, e.g. 3/5A0001B8.
    public static string Format(ulong lsn) => $"{lsn >> 32:X}/{lsn & 0xFFFFFFFF:X8}";
}
