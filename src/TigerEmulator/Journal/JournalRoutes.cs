using Microsoft.AspNetCore.Http.HttpResults;
using TigerEmulator.Http;

namespace TigerEmulator.Journal;

/// The request journal's control API: read it newest first, count, and empty it.
public static class JournalRoutes
{
    public static RouteGroupBuilder MapJournal(this RouteGroupBuilder admin)
    {
        admin.MapGet("/requests", Find).WithName("getRequests").ProducesError(400)
            .WithSummary("Recorded contract requests, newest first. Filters: operation, status, since, until (RFC 3339, emulated time), limit.");
        admin.MapGet("/requests/count", Count).WithName("countRequests").ProducesError(400).WithSummary("How many recorded requests pass the same filters.");
        admin.MapDelete("/requests", Clear).WithName("clearRequests").WithSummary("Forgets every recorded request.");
        return admin;
    }

    private static Ok<IReadOnlyList<JournalEntry>> Find(HttpRequest request, RequestJournal journal) =>
        TypedResults.Ok(journal.Find(JournalQuery.From(request.Query), JournalQuery.ParseInt(request.Query["limit"], "limit")));

    private static Ok<CountBody> Count(HttpRequest request, RequestJournal journal) =>
        TypedResults.Ok(new CountBody(journal.Find(JournalQuery.From(request.Query)).Count));

    private static NoContent Clear(RequestJournal journal)
    {
        journal.Clear();
        return TypedResults.NoContent();
    }
}

public sealed record CountBody(int Count);
