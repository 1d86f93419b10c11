using TigerEmulator.Services;
using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

/// Without a data folder the stores' memory is the whole state: nothing is written anywhere, so nothing comes back.
public sealed class MemoryModeTests
{
    private readonly StateLock state = new();

    [Fact]
    public void WithoutADataFolder_WritesStayInTheStore_AndANewStoreStartsEmpty()
    {
        using var database = new EmulatorDatabase(new EmulatorOptions(), state);
        var store = new MemoryStore<ServiceDocument>(database, state);

        store.Insert(Service("a"));
        store.Insert(Service("b"));
        store.Delete("a");
        database.Flush();

        Assert.False(database.IsDurable);
        Assert.Equal(["b"], store.All().Select(s => s.Id));
        Assert.Equal(0, new MemoryStore<ServiceDocument>(database, state).Count());
    }

    private static ServiceDocument Service(string id) =>
        new() { Id = id, ProjectId = "p", Name = id, Status = "READY", History = [] };
}
