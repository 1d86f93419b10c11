using Microsoft.Extensions.Configuration;
using TigerEmulator.Lifecycle;
using TigerEmulator.Services;
using TigerEmulator.Storage;

namespace TigerEmulator.Tests.Storage;

/// The store keeps its lifecycle documents in due order, so the worker never scans; it must follow every write.
public sealed class DueScheduleTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);

    private readonly StateLock state = new();
    private readonly EmulatorDatabase database;
    private readonly MemoryStore<ServiceDocument> store;

    public DueScheduleTests()
    {
        database = new EmulatorDatabase(EmulatorOptions.From(new ConfigurationBuilder().Build()), state);
        store = new MemoryStore<ServiceDocument>(database, state);
    }

    public void Dispose() => database.Dispose();

    [Fact]
    public void DueBy_FollowsInsertsUpdatesAndDeletes_EarliestFirst()
    {
        store.Insert(Service("c", T0.AddSeconds(3)));
        store.Insert(Service("a", T0.AddSeconds(1)));
        store.Insert(Service("b", T0.AddSeconds(1)));
        store.Insert(Service("idle", null));

        Assert.Equal(["a", "b", "c"], store.DueBy(T0.AddSeconds(5)).Select(s => s.Id));
        Assert.Equal(["a", "b"], store.DueBy(T0.AddSeconds(1)).Select(s => s.Id));
        Assert.Equal(T0.AddSeconds(1), store.NextDue());

        store.Update(store.Get("a")! with { NextStepAt = T0.AddSeconds(10) });
        store.Delete("b");
        store.Update(store.Get("idle")! with { NextStepAt = T0.AddSeconds(2) });

        Assert.Equal(["idle", "c", "a"], store.DueBy(T0.AddSeconds(10)).Select(s => s.Id));
        Assert.Equal(T0.AddSeconds(2), store.NextDue());

        store.DeleteAll();
        Assert.Empty(store.DueBy(DateTime.MaxValue));
        Assert.Null(store.NextDue());
    }

    [Fact]
    public void NextDue_LeavesHeldStepsOut_ButDueByStillSeesThemAtTheirTime()
    {
        store.Insert(Service("held", ResourceLifecycle.HeldUntil));

        Assert.Null(store.NextDue());

        store.Insert(Service("soon", T0));

        Assert.Equal(T0, store.NextDue());
        Assert.Equal(["soon"], store.DueBy(T0.AddYears(100)).Select(s => s.Id));
    }

    [Fact]
    public void Schedule_IsRebuiltFromWhatTheDataFileHolds()
    {
        var folder = Directory.CreateTempSubdirectory("tiger-due-schedule-").FullName;
        try
        {
            using (var first = new EmulatorDatabase(new EmulatorOptions { DataDir = folder }, state))
            {
                var stored = new MemoryStore<ServiceDocument>(first, state);
                stored.Insert(Service("later", T0.AddSeconds(2)));
                stored.Insert(Service("first", T0.AddSeconds(1)));
            }

            using var reopened = new EmulatorDatabase(new EmulatorOptions { DataDir = folder }, state);

            Assert.Equal(["first", "later"], new MemoryStore<ServiceDocument>(reopened, state).DueBy(T0.AddSeconds(2)).Select(s => s.Id));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ServiceDocument Service(string id, DateTime? next) =>
        new() { Id = id, ProjectId = "p", Name = id, Status = "QUEUED", NextStepAt = next, History = [] };
}
