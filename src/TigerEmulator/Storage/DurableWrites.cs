namespace TigerEmulator.Storage;

/// What a request has written, so that its answer can wait until the data folder holds it. A request begins a receipt
/// before its handler runs; every write the handler hands to the file notes its group on it, through the async flow
/// of the request. Without a data folder nothing is noted and nothing waits.
public static class DurableWrites
{
    private static readonly AsyncLocal<Receipt?> Current = new();

    public static Receipt Begin() => Current.Value = new Receipt();

    internal static void Note(GroupCommit commit, Task<Exception?> group)
    {
        if (Current.Value is { } receipt)
        {
            receipt.Commit = commit;
            receipt.Group = group;
        }
    }

    public sealed class Receipt
    {
        // The last group written to: groups are stored in order, so once it is stored every earlier one is too.
        internal Task<Exception?>? Group { get; set; }

        internal GroupCommit? Commit { get; set; }

        /// Completes once every write noted on the receipt is in the data file: null, or the failure that kept it out
        /// (in which case the change was taken back from memory as well). Leads the group's write if no one else does.
        public Task<Exception?> StoredAsync()
        {
            if (Group is not { } group)
            {
                return Task.FromResult<Exception?>(null);
            }

            if (!group.IsCompleted)
            {
                Commit!.Lead();
            }

            return group;
        }
    }
}
