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
    public void OwnedBy_FollowsInsertsUpdatesDeletesAndDeleteAll_InTheOrderStored()
    {
        using var database = new EmulatorDatabase(new EmulatorOptions(), state);
        var store = new MemoryStore<ReplicaSetDocument>(database, state);

        store.Insert(Set("r2", "svc-a"));
        store.Insert(Set("r1", "svc-a"));
        store.Insert(Set("r3", "svc-b"));

        Assert.Equal(["r2", "r1"], store.OwnedBy("svc-a").Select(r => r.Id));
        Assert.Equal(["r3"], store.OwnedBy("svc-b").Select(r => r.Id));
        Assert.Empty(store.OwnedBy("svc-none"));

        store.Update(store.Get("r2")! with { Name = "renamed" });
        store.Update(store.Get("r1")! with { ServiceId = "svc-b" });

        Assert.Equal([("r2", "renamed")], store.OwnedBy("svc-a").Select(r => (r.Id, r.Name)));
        Assert.Equal(["r3", "r1"], store.OwnedBy("svc-b").Select(r => r.Id));

        Assert.True(store.Delete("r3"));
        Assert.Equal(["r1"], store.OwnedBy("svc-b").Select(r => r.Id));

        store.DeleteAll();
        Assert.Empty(store.OwnedBy("svc-a"));
        Assert.Empty(store.OwnedBy("svc-b"));
    }

    [Fact]
    public void OwnedBy_AfterARestartOnTheDataFolder_FindsWhatWasStored()
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

        Assert.Equal(["r1"], restored.OwnedBy("svc-a").Select(r => r.Id));
        Assert.Equal(["r3"], restored.OwnedBy("svc-b").Select(r => r.Id));
    }

    [Fact]
    public void OwnedBy_OnAStoreOfDocumentsWithoutOwner_IsRefused()
    {
        using var database = new EmulatorDatabase(new EmulatorOptions(), state);
        var store = new MemoryStore<ServiceDocument>(database, state);

        var refused = Assert.Throws<NotSupportedException>(() => store.OwnedBy("anything"));
        Assert.Equal("ServiceDocument has no owner to look it up by", refused.Message);
    }

    private static ReplicaSetDocument Set(string id, string serviceId) =>
        new() { Id = id, ServiceId = serviceId, ProjectId = "p", Name = id, Created = T0 };
}
