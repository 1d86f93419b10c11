namespace TigerEmulator.Storage;

/// Whether the changes a request made are in the data folder, so that its answer can say when they are not. A request
/// begins a receipt before its handler runs; a change the disk refuses is noted on it, through the async flow of the
/// request. Without a data folder nothing is noted.
public static class DurableWrites
{
    private static readonly AsyncLocal<Receipt?> Current = new();

    public static Receipt Begin() => Current.Value = new Receipt();

    internal static void Refused(Exception failure)
    {
        if (Current.Value is { } receipt)
        {
            receipt.Failure ??= failure;
        }
    }

    public sealed class Receipt
    {
        // The first refusal: the changes before it are stored, it and its own change are not.
        internal Exception? Failure { get; set; }

        /// Null once every change noted on the receipt is in the data folder (which is when the handler returns), else
        /// the failure that kept one out (that change was taken back from memory as well).
        public Task<Exception?> StoredAsync() => Task.FromResult(Failure);
    }
}
