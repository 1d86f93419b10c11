using System.Collections.Concurrent;
using TigerEmulator.Testing;
using TigerEmulator.Tests.Support;
using Xunit.Abstractions;

namespace TigerEmulator.Tests.Contract;

/// One emulator per contract operation, lent to that operation's cases one at a time and reset before each:
/// booting a host per case cost 40–100 ms, over a corpus of more than a thousand cases.
public sealed class OperationHost
{
    private static readonly ConcurrentDictionary<string, OperationHost> ByOperationId = new();

    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly RoutedOutput output = new();

    // A host of its own, for the few cases that need emulated time to start where Emulator.Start says.
    private readonly bool ownedByOneCase;

    private OperationHost(bool ownedByOneCase = false)
    {
        this.ownedByOneCase = ownedByOneCase;
        Factory = Emulator.Create(output);
    }

    public TigerEmulatorFactory Factory { get; }

    /// Waits for the operation's host, empties it (stores, keys, the id sequence) and sends its log to <paramref name="testOutput"/>.
    public static async Task<OperationHost> LeaseAsync(string operationId, ITestOutputHelper? testOutput, bool freshHost = false)
    {
        var host = freshHost ? new OperationHost(ownedByOneCase: true) : ByOperationId.GetOrAdd(operationId, _ => new OperationHost());
        await host.turn.WaitAsync();
        try
        {
            host.output.Target = testOutput;
            await host.Factory.ResetAsync();
            return host;
        }
        catch
        {
            host.Release();
            throw;
        }
    }

    public void Release()
    {
        output.Target = null;
        turn.Release();
        if (ownedByOneCase)
        {
            Factory.Dispose();
        }
    }

    /// The test currently holding the host; lines logged between leases go nowhere.
    private sealed class RoutedOutput : ITestOutputHelper
    {
        public volatile ITestOutputHelper? Target;

        public void WriteLine(string message) => Target?.WriteLine(message);

        public void WriteLine(string format, params object[] args) => Target?.WriteLine(format, args);
    }
}
