using System.Net;
using System.Text.Json.Nodes;
using TigerEmulator.Tests.Support;

namespace TigerEmulator.Tests.Logs;

/// Reads service logs as the Tiger CLI does: pin the window, then follow the cursor until there is none.
internal static class LogsClient
{
    public static string Path(string projectId, string serviceId) => $"{Api.Project(projectId)}/services/{serviceId}/logs";

    public static string Time(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'");

    public static string Query(int? node = null, DateTime? since = null, DateTime? until = null)
    {
        var parts = new List<string>();
        if (node is { } n)
        {
            parts.Add($"node={n}");
        }

        if (since is { } s)
        {
            parts.Add($"since={Time(s)}");
        }

        if (until is { } u)
        {
            parts.Add($"until={Time(u)}");
        }

        return string.Join('&', parts);
    }

    /// Every entry of the window, newest first, checking each page on the way: both entry forms, at most 500, the
    /// cursor under both names, and full pages whenever more follow.
    public static async Task<List<WalkedEntry>> WalkAsync(HttpClient client, string path, string query, int maxPages = 1000) =>
        (await WalkPagesAsync(client, path, query, maxPages, fullPages: true)).Entries;

    /// Every entry a filtered query finds, newest first, and the number of pages it took. A filtered page may hold fewer
    /// than 500 entries, or none, and still carry a cursor (its scan stopped at its budget); the walk follows it all the same.
    public static Task<(List<WalkedEntry> Entries, int Pages)> WalkFilteredAsync(HttpClient client, string path, string query, int maxPages = 1000) =>
        WalkPagesAsync(client, path, query, maxPages, fullPages: false);

    public static async Task<JsonNode> PageAsync(HttpClient client, string path, string query) => await client.GetJsonAsync($"{path}?{query}");

    private static async Task<(List<WalkedEntry> Entries, int Pages)> WalkPagesAsync(HttpClient client, string path, string query, int maxPages, bool fullPages)
    {
        var walked = new List<WalkedEntry>();
        string? cursor = null;
        for (var pages = 1; pages <= maxPages; pages++)
        {
            var page = await client.GetJsonAsync($"{path}?{Join(query, cursor is null ? "" : $"cursor={WebUtility.UrlEncode(cursor)}")}");
            var entries = WalkedEntry.FromPage(page);
            walked.AddRange(entries);
            cursor = (string?)page["lastCursor"];
            Assert.Equal(cursor, (string?)page["last_cursor"]);
            Assert.True(entries.Count <= 500, $"a page holds {entries.Count} entries");
            if (cursor is null)
            {
                return (walked, pages);
            }

            if (fullPages)
            {
                Assert.Equal(500, entries.Count);
            }
        }

        throw new InvalidOperationException($"the walk did not end within {maxPages} pages");
    }

    private static string Join(string query, string more) =>
        query.Length == 0 ? more : more.Length == 0 ? query : $"{query}&{more}";
}
