using TigerEmulator.Endpoints;
using TigerEmulator.Faults;
using TigerEmulator.Lifecycle;

namespace TigerEmulator.Journal;

/// Database connections that fault rules fired on are journaled beside the requests (operation
/// <see cref="Operation"/>, method CONNECT, the path naming the service and node, no status), so a test reads what its
/// database client met where it reads what its API client met.
public sealed class ConnectionFaultJournal(RequestJournal journal, IConnectionFaults faults, EmulatorClock clock) : IHostedService
{
    public const string Operation = "databaseConnection";

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (faults is DatabaseConnectionFaults connections)
        {
            connections.Fired += Record;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (faults is DatabaseConnectionFaults connections)
        {
            connections.Fired -= Record;
        }

        return Task.CompletedTask;
    }

    private void Record(ConnectionTarget target, IReadOnlyList<string> rules)
    {
        if (journal.Capacity == 0)
        {
            return;
        }

        journal.Record(new JournalEntry(
            journal.NextSequence(), clock.UtcNow, "CONNECT", $"/databases/{target.ServiceId}/nodes/{target.Node}", null, Operation, null, 0, false, [.. rules], NoHeaders, null, null));
    }
}
