using System.Collections.Concurrent;

namespace TigerEmulator.Storage;

/// The ids of a store's owned documents by owner, in the order they were stored. Changed only under the store's write
/// lock; read without one, as the store's memory is: each owner's ids are an array replaced whole, never changed.
internal sealed class OwnerIndex
{
    private readonly ConcurrentDictionary<string, string[]> owned = new();

    public IReadOnlyList<string> Of(string ownerId) => owned.GetValueOrDefault(ownerId) ?? [];

    /// Records that a document changed from <paramref name="before"/> to <paramref name="after"/>; either may be null.
    public void Track(IOwnedDocument? before, IOwnedDocument? after)
    {
        if (before is not null && before.OwnerId == after?.OwnerId)
        {
            return;
        }

        if (before is not null && owned.TryGetValue(before.OwnerId, out var ids))
        {
            var left = Array.FindAll(ids, id => id != before.Id);
            if (left.Length == 0)
            {
                owned.TryRemove(before.OwnerId, out _);
            }
            else
            {
                owned[before.OwnerId] = left;
            }
        }

        if (after is not null)
        {
            owned[after.OwnerId] = [.. Of(after.OwnerId), after.Id];
        }
    }

    public void Clear() => owned.Clear();
}
