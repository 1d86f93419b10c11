using System.Buffers;

namespace TigerEmulator.Logs;

/// Finds a filtered page: walks the window down from its top, examining one entry after another, until it has a page of
/// matches, reaches the window's oldest entry, or has examined its budget of entries. A page's cost is so bounded
/// however rare the matches: when the budget runs out first the page answers the matches found so far (maybe none)
/// with a cursor at the entry where the scan stopped, and the client's next request carries on from there. A piece of
/// the log whose lines cannot have any of the filter's severities is passed over whole, at no cost to the budget.
internal static class FilteredScan
{
    /// Entries one page may examine. Writing and searching a message costs about 0.2 µs of CPU, linearly in the budget
    /// (2,500 to 40,000 measured), so a page that finds little costs about 1 ms. Over HTTP, with wrk on the same two
    /// cores, 10,000 entries gave 116–208 pages a second, short of the target of 200, and 5,000 gave 422–503
    /// (bench/README.md, "Filtered pages"). A million-entry log takes two hundred such pages to search through.
    public const int Budget = 5_000;

    /// The matches, newest first, and where the next page starts: null when no older entry of the window is left to examine.
    public static (long[] Matches, long? Resume) Run(LogTimeline timeline, LogFilter filter, long top, long oldest, int budget = Budget)
    {
        var matches = new List<long>();
        using var message = new LineText(1024);
        var scratch = ArrayPool<char>.Shared.Rent(1024);
        try
        {
            var (ordinal, examined) = (top - 1, 0);
            while (ordinal >= oldest)
            {
                if (examined == budget)
                {
                    return ([.. matches], ordinal + 1);
                }

                var (piece, index) = timeline.Locate(ordinal);
                var first = ordinal - index;
                var low = Math.Max(first, oldest);
                if (!filter.MayAdmit(piece.Severities))
                {
                    ordinal = low - 1;
                    continue;
                }

                for (; ordinal >= low && examined < budget; ordinal--, examined++)
                {
                    if (!filter.Admits(piece.SeverityOf(ordinal - first)) || (filter.HasTerms && !Matches(filter, piece, ordinal - first, message, ref scratch)))
                    {
                        continue;
                    }

                    // A match beyond a full page says older ones remain: the next page starts with it.
                    if (matches.Count == LogPage.Size)
                    {
                        return ([.. matches], ordinal + 1);
                    }

                    matches.Add(ordinal);
                }
            }

            return ([.. matches], null);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }
    }

    private static bool Matches(LogFilter filter, LogPiece piece, long index, LineText message, ref char[] scratch)
    {
        message.Clear();
        piece.Write(index, message);
        if (scratch.Length < message.Length)
        {
            ArrayPool<char>.Shared.Return(scratch);
            scratch = ArrayPool<char>.Shared.Rent(message.Length);
        }

        return filter.Matches(message.Written, scratch);
    }
}
