namespace TigerEmulator.Storage;

/// The one lock over the emulator's state. It guards every read-check-write that spans stores, so that two concurrent
/// actions never both pass a check that only one may pass, and every store write, so that a store's memory, its
/// indexes and the data file change in one order. Reads take no lock: stores replace documents whole, never in place.
public sealed class StateLock
{
    private readonly Lock gate = new();

    /// Runs a read-check-write as one step against every store.
    public T Run<T>(Func<T> work)
    {
        using (gate.EnterScope())
        {
            return work();
        }
    }

    /// For a store's own writes: the same lock without a delegate, on the path of every create.
    internal Lock.Scope Hold() => gate.EnterScope();
}
