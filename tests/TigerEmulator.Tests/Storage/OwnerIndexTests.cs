using TigerEmulator.ReplicaSets;
using TigerEmulator.Services;
using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

/// A service's replica sets are found through the store's owner index, not a scan; it must follow every write and
/// come back with the data folder.
public sealed class OwnerIndexTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);

    private readonly StateLock state = new();

    private readonly string folder = Path.Combine(Path.GetTempPath(), "tiger-owner-index-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void PeekOwnedBy_FollowsInsertsUpdatesDeletesAndDeleteAll_InTheOrderStored()
    {
        using var database = new EmulatorDatabase(new EmulatorOptions(), state);
        var store = new MemoryStore<ReplicaSetDocument>(database, state);

        store.Insert(Set("r2", "svc-a"));
        store.Insert(Set("r1", "svc-a"));
        store.Insert(Set("r3", "svc-b"));

        Assert.Equal(["r2", "r1"], store.PeekOwnedBy("svc-a").Select(r => r.Id));
        Assert.Equal(["r3"], store.PeekOwnedBy("svc-b").Select(r => r.Id));
        Assert.Empty(store.PeekOwnedBy("svc-none"));

        var renamed = store.Get("r2")!;
        renamed.Name = "renamed";
        store.Update(renamed);
        var moved = store.Get("r1")!;
        moved.ServiceId = "svc-b";
        store.Update(moved);

        Assert.Equal([("r2", "renamed")], store.PeekOwnedBy("svc-a").Select(r => (r.Id, r.Name)));
        Assert.Equal(["r3", "r1"], store.PeekOwnedBy("svc-b").Select(r => r.Id));

        Assert.True(store.Delete("r3"));
        Assert.Equal(["r1"], store.PeekOwnedBy("svc-b").Select(r => r.Id));

        store.DeleteAll();
        Assert.Empty(store.PeekOwnedBy("svc-a"));
        Assert.Empty(store.PeekOwnedBy("svc-b"));
    }

    [Fact]
    public void PeekOwnedBy_AfterARestartOnTheDataFolder_FindsWhatWasStored()
    {
        using (var database = new EmulatorDatabase(new EmulatorOptions { DataDir = folder }, state))
        {
            var store = new MemoryStore<ReplicaSetDocument>(database, state);
            store.Insert(Set("r1", "svc-a"));
            store.Insert(Set("r2", "svc-a"));
            store.Insert(Set("r3", "svc-b"));
            store.Delete("r2");
        }

        using var reopened = new EmulatorDatabase(new EmulatorOptions { DataDir = folder }, state);
        var restored = new MemoryStore<ReplicaSetDocument>(reopened, state);

        Assert.Equal(["r1"], restored.PeekOwnedBy("svc-a").Select(r => r.Id));
        Assert.Equal(["r3"], restored.PeekOwnedBy("svc-b").Select(r => r.Id));
    }

    [Fact]
    public void PeekOwnedBy_OnAStoreOfDocumentsWithoutOwner_IsRefused()
    {
        using var database = new EmulatorDatabase(new EmulatorOptions(), state);
        var store = new MemoryStore<ServiceDocument>(database, state);

        var refused = Assert.Throws<NotSupportedException>(() => store.PeekOwnedBy("anything"));
        Assert.Equal("ServiceDocument has no owner to look it up by", refused.Message);
    }

    private static ReplicaSetDocument Set(string id, string serviceId) =>
        new() { Id = id, ServiceId = serviceId, ProjectId = "p", Name = id, Created = T0 };
}
