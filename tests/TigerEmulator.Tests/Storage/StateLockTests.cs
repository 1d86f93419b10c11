using TigerEmulator.Services;
using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

/// One lock guards every read-check-write and every store write: a write from elsewhere waits for a running check.
public sealed class StateLockTests : IDisposable
{
    private readonly StateLock state = new();
    private readonly EmulatorDatabase database;
    private readonly MemoryStore<ServiceDocument> store;

    public StateLockTests()
    {
        database = new EmulatorDatabase(new EmulatorOptions(), state);
        store = new MemoryStore<ServiceDocument>(database, state);
    }

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task StoreWrite_FromAnotherThread_WaitsUntilTheRunningCheckIsDone()
    {
        using var checking = new ManualResetEventSlim();
        using var done = new ManualResetEventSlim();
        var check = Task.Run(() => state.Run(() =>
        {
            checking.Set();
            done.Wait();
            return store.Get("a") is null;
        }));
        checking.Wait();

        var insert = Task.Run(() => store.Insert(Service("a")));
        var first = await Task.WhenAny(insert, Task.Delay(TimeSpan.FromMilliseconds(200)));
        done.Set();

        Assert.NotSame(insert, first);
        Assert.True(await check);
        await insert;
        Assert.NotNull(store.Get("a"));
    }

    [Fact]
    public void StoreWrites_InsideARun_TakeTheSameLockAgain()
    {
        var stored = state.Run(() =>
        {
            store.Insert(Service("a"));
            store.Delete("a");
            store.Insert(Service("b"));
            return store.Count();
        });

        Assert.Equal(1, stored);
        Assert.Equal(["b"], store.All().Select(s => s.Id));
    }

    private static ServiceDocument Service(string id) =>
        new() { Id = id, ProjectId = "p", Name = id, Status = "QUEUED", History = [] };
}
