using System.Collections.Concurrent;
using TigerEmulator.Lifecycle;
using TigerEmulator.RealServers;
using TigerEmulator.Services;

namespace TigerEmulator.Logs;

/// The books of the servers whose logs have been read, one per server log, opened at the first read (see ServerLogBook).
public sealed class ServerLogBooks
{
    private readonly ConcurrentDictionary<string, Lazy<ServerLogBook>> books = new();

    /// The node's book brought up to date, or null while the server has no folder yet (it is being made).
    internal ServerLogSnapshot? Read(ServerLogPlace place, ServiceDocument service, DateTime now)
    {
        if (!Directory.Exists(Path.GetDirectoryName(place.BookFile)))
        {
            return null;
        }

        // A new book begins at the server's first start as the history tells it, so the generated log stops where the
        // real one begins; a server that has not reached it yet begins its book now.
        try
        {
            // A book whose file went (its service removed, and one of the same id seeded again) is not that server's.
            if (books.TryGetValue(place.BookFile, out var cached) && cached.IsValueCreated && !File.Exists(place.BookFile))
            {
                books.TryRemove(KeyValuePair.Create(place.BookFile, cached));
            }

            var book = books.GetOrAdd(place.BookFile, _ => new Lazy<ServerLogBook>(() => ServerLogBook.Open(place, FirstStart(service) ?? now))).Value;
            var failures = service.History.Where(change => change.Reason is not null).Select(change => (change.At, change.Reason!));
            return book.Read(now, TimeProvider.System.GetUtcNow().UtcDateTime, failures);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // A book that cannot be read or written (a full disk, a damaged file) leaves the generated log in its place
            // rather than failing the request; the next read tries again.
            books.TryRemove(place.BookFile, out _);
            return null;
        }
    }

    private static DateTime? FirstStart(ServiceDocument service) =>
        service.History.FirstOrDefault(change => NodeEvents.For(change) is NodeEvent.StartFresh or NodeEvent.StartRestored or NodeEvent.Restart)?.At;
}
